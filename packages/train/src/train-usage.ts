/** Help for `attune train` / `npm run train`; a module of its own so that `attune --help` stays fast. */
export const TRAIN_USAGE = `Usage: attune train [--profile default|full] [--data DIR] [--out FILE] [--search] [--limit N] [--ablation]
       attune train --task reply-steps|coach-alarms [--corpus DIR] [--out FILE] [--limit N]
       (or: npm run train -- ...)

Trains Attune's emotion model from the datasets' train splits and calibrates it on their dev splits.
  --task emotion      the emotion model (the default)
  --task reply-steps  the reply-step model (identify, hear, empathize, resolve in agent replies) from the train lines
                      of corpus/replies and corpus/replies-extra; writes it into the engine
                      (packages/engine/src/conversation/reply-step-model.json) unless --out is given, and prints
                      dev macro-F1 of the patterns alone and with the model
  --task coach-alarms the coach-alarm model (withdraws no_expectation and no_personalization alarms it is sure
                      are false) from the same lines; writes packages/engine/src/coach/coach-alarm-model.json
                      unless --out is given, and prints dev coach precision / recall without and with it
  --corpus DIR        Attune's corpus directory for the reply tasks (default corpus/)
  --profile default   only data whose licence allows redistributing the model (committed to the repo)
  --profile full      adds non-commercial and unstated-licence data (never commit the result)
  --data DIR          the shared datasets directory (default ../shared/datasets)
  --out FILE          where to write the model (default: the shipped model for default, models/full/ for full)
  --search            choose settings on dev by a coordinate search (slower)
  --limit N           at most N examples per source and split (reply-steps: N train replies per language):
                      a quick pipeline check
  --ablation          measure what lexicons, the corpus, dense-only dropout and cross-lingual transfer add
                      (prints a Markdown table; writes no model)
  --version V         the version written into the model (default 1.0.0)

Prints a JSON summary (dev macro-F1 per language and head) on stdout; progress on stderr.
Exit codes: 0 done, 1 training failed, 2 usage error.
`;
