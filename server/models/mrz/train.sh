#!/usr/bin/env bash
# Trains server/models/mrz/mrz.traineddata: a tesseract LSTM recogniser for the MRZ alphabet (A-Z 0-9 <), from
# scratch, on synthetic OCR-B line images from server/synthetic (train seed range only; evaluation uses other seeds).
# Needs Debian tesseract-ocr (text tools: lstmtraining, combine_lang_model, unicharset_extractor) and fonts-ocr-b.
# Deterministic: fixed seeds for the data, OMP_THREAD_LIMIT=1 for the trainer. Wall time on a shared 2-core machine:
# see EVAL.md. Usage (from server/): bash models/mrz/train.sh   [env: WORK, TRAIN_LINES, MAX_ITERATIONS, JOBS]
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
SERVER=$(cd "$HERE/../.." && pwd)
WORK=${WORK:-/tmp/mrz-train}
TRAIN_LINES=${TRAIN_LINES:-6000}
EVAL_LINES=${EVAL_LINES:-400}
MAX_ITERATIONS=${MAX_ITERATIONS:-24000}
JOBS=${JOBS:-2}
LEARNING_RATE=${LEARNING_RATE:-0.002}
NET_SPEC=${NET_SPEC:-"[1,36,0,1 Ct3,3,16 Mp3,3 Lfys48 Lfx64 Lrx64 Lfx64 O1c###]"}
EVAL_FROM=1000000000
export OMP_THREAD_LIMIT=1

for tool in tesseract lstmtraining combine_lang_model unicharset_extractor; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install tesseract-ocr" >&2; exit 1; }
done
started=$(date +%s)
mkdir -p "$WORK"
cd "$SERVER"

make_lines() { # purpose from count dir severity
  pnpm exec tsx models/mrz/make-lines.ts --purpose "$1" --from "$2" --count "$3" --out "$4" --severity "$5"
}

echo "== 1/5 line images"
if [ ! -f "$WORK/lines.done" ]; then
  per=$(( (TRAIN_LINES + JOBS - 1) / JOBS ))
  for j in $(seq 0 $((JOBS - 1))); do
    nice -n 10 bash -c "$(declare -f make_lines); make_lines train $((j * per)) $per '$WORK/train' mixed" &
  done
  nice -n 10 bash -c "$(declare -f make_lines); make_lines eval $EVAL_FROM $EVAL_LINES '$WORK/eval' mixed" &
  wait
  touch "$WORK/lines.done"
fi

echo "== 2/5 lstmf files"
if [ ! -f "$WORK/lstmf.done" ]; then
  for set in train eval; do
    find "$WORK/$set" -name '*.png' | sort | sed 's/\.png$//' |
      nice -n 10 xargs -P "$JOBS" -I{} tesseract {}.png {} --psm 13 lstm.train >/dev/null 2>&1
    find "$WORK/$set" -name '*.lstmf' | sort > "$WORK/$set.list"
  done
  touch "$WORK/lstmf.done"
fi
echo "train lines: $(wc -l < "$WORK/train.list"), eval lines: $(wc -l < "$WORK/eval.list")"

echo "== 3/5 starter traineddata"
rm -rf "$WORK/lang" "$WORK/script"
mkdir -p "$WORK/lang" "$WORK/script"
printf 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<\n' > "$WORK/alphabet.txt"
unicharset_extractor --output_unicharset "$WORK/unicharset" --norm_mode 1 "$WORK/alphabet.txt" >/dev/null
# combine_lang_model insists on a radical-stroke table (used only by Han scripts): an empty one does for Latin.
echo "# no radicals: Latin script" > "$WORK/script/radical-stroke.txt"
combine_lang_model --input_unicharset "$WORK/unicharset" --script_dir "$WORK/script" --output_dir "$WORK/lang" \
  --lang mrz >/dev/null 2>&1
outputs=$(head -n1 "$WORK/unicharset")
net_spec=${NET_SPEC//###/$outputs}

echo "== 4/5 lstmtraining ($net_spec, $MAX_ITERATIONS iterations)"
mkdir -p "$WORK/ckpt"
nice -n 10 lstmtraining \
  --traineddata "$WORK/lang/mrz/mrz.traineddata" \
  --net_spec "$net_spec" \
  --model_output "$WORK/ckpt/mrz" \
  --learning_rate "$LEARNING_RATE" \
  --train_listfile "$WORK/train.list" \
  --eval_listfile "$WORK/eval.list" \
  --max_iterations "$MAX_ITERATIONS" \
  --target_error_rate 0.0005 \
  --debug_interval 0 2>&1 | tee "$WORK/training.log" | grep -E "At iteration|Finished|best" || true

echo "== 5/5 mrz.traineddata"
lstmtraining --stop_training --continue_from "$WORK/ckpt/mrz_checkpoint" \
  --traineddata "$WORK/lang/mrz/mrz.traineddata" --model_output "$WORK/mrz.float.traineddata"
lstmtraining --stop_training --convert_to_int --continue_from "$WORK/ckpt/mrz_checkpoint" \
  --traineddata "$WORK/lang/mrz/mrz.traineddata" --model_output "$WORK/mrz.int.traineddata"
cp "$WORK/mrz.${MODEL_KIND:-int}.traineddata" "$HERE/mrz.traineddata"
ls -l "$WORK"/mrz.*.traineddata "$HERE/mrz.traineddata"
echo "wall time: $(( $(date +%s) - started )) s"
