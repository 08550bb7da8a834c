#!/usr/bin/env bash
# Trains server/models/mrz/mrz.traineddata: a tesseract LSTM recogniser for the MRZ alphabet (A-Z 0-9 <), from
# scratch, on synthetic OCR-B line images from server/synthetic (train seed range only; evaluation uses other seeds).
# Needs Debian tesseract-ocr (text tools: lstmtraining, combine_lang_model, unicharset_extractor) and fonts-ocr-b.
# Deterministic: fixed seeds for the data, OMP_THREAD_LIMIT=1 for the trainer. Wall time on a shared 2-core machine:
# see EVAL.md. Usage (from server/): bash models/mrz/train.sh   [env: WORK, TRAIN_LINES, MAX_ITERATIONS, JOBS,
# CROP_PAGES, CROP_FROM, CROP_PRESETS, CROP_COPIES, FIELD_LINES, PHASE2_ITERATIONS, PHASE2_LEARNING_RATE, START_LSTM, INSTALL=yes to
# copy the result over mrz.traineddata, or over INSTALL_AS.traineddata]
#
# Phase 1 (stages 1-5) trains from scratch on rendered single lines. Phase 2 (stages 6-9) fine-tunes that model on
# lines cut from whole generated passport photos by the engine's own locate and crop stages (make-crop-lines.ts,
# moderate and hard capture conditions, training seeds 10 000 000 and up), mixed 1:1 with the phase-1 lines so clean
# reading does not regress. Phase 2 continues from phase 1's float model in $WORK; without it (fresh WORK and
# PHASE1=skip) it continues from START_LSTM, a float LSTM (the committed mrz.traineddata is integer and cannot be
# trained further): models/mrz/phase1.float.lstm is phase 1's float LSTM (`combine_tessdata -e` of its float model), so
# `PHASE1=skip START_LSTM=models/mrz/phase1.float.lstm bash models/mrz/train.sh` reruns phase 2 without phase 1.
# The second model, mrz2.traineddata (decision 0457; read when the first one's read is in doubt; EVAL.md, "small
# captures"): `PHASE1=skip START_LSTM=models/mrz/phase1.float.lstm CROP_FROM=10020000 CROP_PAGES=1600
# CROP_PRESETS=lowres:0.5,hard:0.2,rotated:0.2,moderate:0.1 FIELD_LINES=1500 FIELD_FROM=20010000 CROP_COPIES=1
# PHASE2_ITERATIONS=6000 INSTALL=yes INSTALL_AS=mrz2 bash models/mrz/train.sh` (75 min on 2 cores with benchmarks
# running beside it; the lines and crops most of it, 6 000 iterations about 8 min).
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
PHASE1=${PHASE1:-run}
CROP_PAGES=${CROP_PAGES:-1200}
CROP_FROM=${CROP_FROM:-10000000}
# Capture presets of the crop photos with their shares (make-crop-lines.ts --presets).
CROP_PRESETS=${CROP_PRESETS:-hard:0.6,moderate:0.4}
# Rendered lines of the "field" severity (bold and thin print, small captures scaled up, foils, card lines; issue 16)
# mixed into phase 2 beside the phase-1 lines and the crop lines, from training seed FIELD_FROM. 0 leaves them out.
FIELD_LINES=${FIELD_LINES:-0}
FIELD_FROM=${FIELD_FROM:-20000000}
PHASE2_ITERATIONS=${PHASE2_ITERATIONS:-5000}
# Times each crop line is listed in phase 2 (2: about 1:1 with the phase-1 lines).
CROP_COPIES=${CROP_COPIES:-2}
# Fine-tuning rate, reset on every layer: continuing at the stored rate (0.002, with fresh Adam moments from the float
# LSTM) shook the model (clean lines 97% -> 88% exact, see EVAL.md); 0.0005 kept clean reading and improved the rest.
PHASE2_LEARNING_RATE=${PHASE2_LEARNING_RATE:-0.0005}
START_LSTM=${START_LSTM:-}
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
[ "$PHASE1" = skip ] || nice -n 10 lstmtraining \
  --traineddata "$WORK/lang/mrz/mrz.traineddata" \
  --net_spec "$net_spec" \
  --model_output "$WORK/ckpt/mrz" \
  --learning_rate "$LEARNING_RATE" \
  --train_listfile "$WORK/train.list" \
  --eval_listfile "$WORK/eval.list" \
  --max_iterations "$MAX_ITERATIONS" \
  --target_error_rate 0.0005 \
  --debug_interval 0 2>&1 | tee -a "$WORK/training.log" | grep -E "At iteration|Finished|best" || true

echo "== 5/5 phase-1 model"
if [ "$PHASE1" != skip ]; then
  lstmtraining --stop_training --continue_from "$WORK/ckpt/mrz_checkpoint" \
    --traineddata "$WORK/lang/mrz/mrz.traineddata" --model_output "$WORK/mrz.float.traineddata"
  lstmtraining --stop_training --convert_to_int --continue_from "$WORK/ckpt/mrz_checkpoint" \
    --traineddata "$WORK/lang/mrz/mrz.traineddata" --model_output "$WORK/mrz.int.traineddata"
  combine_tessdata -e "$WORK/mrz.float.traineddata" "$WORK/phase1.lstm" >/dev/null
  START_LSTM=${START_LSTM:-$WORK/phase1.lstm}
fi
final="$WORK/mrz.${MODEL_KIND:-int}.traineddata"

if [ "$PHASE2_ITERATIONS" -gt 0 ]; then
  [ -n "$START_LSTM" ] || { echo "phase 2 needs phase 1 or START_LSTM (a float lstm)" >&2; exit 1; }
  echo "== 6/9 crop lines from $CROP_PAGES generated photos (engine locate + crop)"
  if [ ! -f "$WORK/crops.done" ]; then
    for j in $(seq 0 $((JOBS - 1))); do
      # Interleaved seeds: job j takes CROP_FROM + j, + j + JOBS, ...
      n=$(( (CROP_PAGES - j + JOBS - 1) / JOBS ))
      nice -n 10 pnpm exec tsx models/mrz/make-crop-lines.ts --out "$WORK/crops" --from $((CROP_FROM + j)) \
        --step "$JOBS" --count "$n" --presets "$CROP_PRESETS" &
    done
    wait
    touch "$WORK/crops.done"
  fi

  echo "== 7/9 crop lstmf files"
  if [ ! -f "$WORK/crops-lstmf.done" ]; then
    find "$WORK/crops" -name '*.png' | sort | sed 's/\.png$//' |
      nice -n 10 xargs -P "$JOBS" -I{} sh -c '[ -f {}.lstmf ] || tesseract {}.png {} --psm 13 lstm.train' >/dev/null 2>&1
    touch "$WORK/crops-lstmf.done"
  fi
  # Only photos of the configured range (a larger earlier run may have left more), in seed order.
  find "$WORK/crops" -name 'crop_*.lstmf' | sort |
    awk -v lo="$CROP_FROM" -v hi="$((CROP_FROM + CROP_PAGES))" \
      '{ n = split($0, a, "_"); s = a[n - 1] + 0; if (s >= lo && s < hi) print }' > "$WORK/crops.list"
  : > "$WORK/field.list"
  if [ "$FIELD_LINES" -gt 0 ]; then
    echo "== 7b/9 field lines ($FIELD_LINES from seed $FIELD_FROM)"
    if [ ! -f "$WORK/field.done" ]; then
      per=$(( (FIELD_LINES + JOBS - 1) / JOBS ))
      for j in $(seq 0 $((JOBS - 1))); do
        nice -n 10 bash -c "$(declare -f make_lines); make_lines train $((FIELD_FROM + j * per)) $per '$WORK/field' field" &
      done
      wait
      find "$WORK/field" -name '*.png' | sort | sed 's/\.png$//' |
        nice -n 10 xargs -P "$JOBS" -I{} sh -c '[ -f {}.lstmf ] || tesseract {}.png {} --psm 13 lstm.train' >/dev/null 2>&1
      touch "$WORK/field.done"
    fi
    find "$WORK/field" -name '*.lstmf' | sort | head -n "$FIELD_LINES" > "$WORK/field.list"
  fi
  # Every crop line CROP_COPIES times beside the phase-1 lines (and the field lines), shuffled with a fixed seed
  # (lstmtraining takes the files round robin in list order).
  for _ in $(seq "$CROP_COPIES"); do cat "$WORK/crops.list"; done |
    cat - "$WORK/train.list" "$WORK/field.list" |
    shuf --random-source=<(yes mrz-phase-2) > "$WORK/phase2.list"
  echo "crop lines: $(wc -l < "$WORK/crops.list"), field lines: $(wc -l < "$WORK/field.list"), phase-2 list: $(wc -l < "$WORK/phase2.list")"

  echo "== 8/9 lstmtraining phase 2 ($PHASE2_ITERATIONS iterations from $START_LSTM, rate $PHASE2_LEARNING_RATE)"
  mkdir -p "$WORK/ckpt2"
  nice -n 10 lstmtraining \
    --continue_from "$START_LSTM" \
    --reset_learning_rate --learning_rate "$PHASE2_LEARNING_RATE" \
    --traineddata "$WORK/lang/mrz/mrz.traineddata" \
    --model_output "$WORK/ckpt2/mrz" \
    --train_listfile "$WORK/phase2.list" \
    --eval_listfile "$WORK/eval.list" \
    --max_iterations "$PHASE2_ITERATIONS" \
    --target_error_rate 0.0005 \
    --debug_interval 0 2>&1 | tee -a "$WORK/training2.log" | grep -E "At iteration|Finished|best" || true

  echo "== 9/9 phase-2 model"
  lstmtraining --stop_training --continue_from "$WORK/ckpt2/mrz_checkpoint" \
    --traineddata "$WORK/lang/mrz/mrz.traineddata" --model_output "$WORK/mrz2.float.traineddata"
  lstmtraining --stop_training --convert_to_int --continue_from "$WORK/ckpt2/mrz_checkpoint" \
    --traineddata "$WORK/lang/mrz/mrz.traineddata" --model_output "$WORK/mrz2.int.traineddata"
  final="$WORK/mrz2.${MODEL_KIND:-int}.traineddata"
fi

# The committed model is replaced only when asked: compare first (EVAL.md, bench:engine --model-dir).
mkdir -p "$WORK/model"
cp "$final" "$WORK/model/mrz.traineddata"
[ "${INSTALL:-no}" = yes ] && cp "$final" "$HERE/${INSTALL_AS:-mrz}.traineddata"
ls -l "$WORK"/mrz*.traineddata "$WORK/model/mrz.traineddata"
echo "wall time: $(( $(date +%s) - started )) s"
