/** Help for `attune train` / `npm run train`; a module of its own so that `attune --help` stays fast. */
export const TRAIN_USAGE = `Usage: attune train [--profile default|full] [--data DIR] [--out FILE] [--search] [--limit N] [--ablation]
       (or: npm run train -- ...)

Trains Attune's emotion model from the datasets' train splits and calibrates it on their dev splits.
  --profile default   only data whose licence allows redistributing the model (committed to the repo)
  --profile full      adds non-commercial and unstated-licence data (never commit the result)
  --data DIR          the shared datasets directory (default ../shared/datasets)
  --out FILE          where to write the model (default: the shipped model for default, models/full/ for full)
  --search            choose settings on dev by a coordinate search (slower)
  --limit N           at most N examples per source and split: a quick pipeline check
  --ablation          measure what lexicons, the corpus, dense-only dropout and cross-lingual transfer add
                      (prints a Markdown table; writes no model)
  --version V         the version written into the model (default 1.0.0)

Prints a JSON summary (dev macro-F1 per language and head) on stdout; progress on stderr.
Exit codes: 0 done, 1 training failed, 2 usage error.
`;
