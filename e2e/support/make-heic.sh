#!/bin/sh
# Remakes e2e/fixtures/capture/passport-<seed>.heic from the synthetic passport (needs libheif-examples: heif-enc).
set -eu
seed=2000000000
here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$here/.." && pnpm --filter server exec tsx synthetic/cli.ts --out "$tmp" --count 1 --seed "$seed" --conditions clean >/dev/null)
heif-enc -q 60 -o "$here/fixtures/capture/passport-$seed.heic" "$tmp/$seed.jpg"
