"""One epoch at a time, resumable, with a time budget: the loop that `train_default.py` and `train_lessons.py` share.

Each epoch is one `colorlab.models.train` call that resumes exactly from `last.pth`; its checkpoint is kept as
`epochN.pth`, and its wall time, photos and photos/s are appended to `progress.csv`. Running the same command again
continues where the last run stopped."""
import csv, shutil, time
from pathlib import Path
from colorlab.files import atomic_write
from colorlab.models import TrainConfig, train

def progress(out:Path) -> list[dict]:
    "The rows of a run's `progress.csv` (none for a new run)"
    log = Path(out)/'progress.csv'
    if not log.is_file(): return []
    with open(log, newline='') as f: return list(csv.DictReader(f))

def _write(log:Path, rows:list[dict]):
    "Write `progress.csv` atomically, with a column for every key (a column added later gets a header)"
    keys = list(dict.fromkeys(k for r in rows for k in r))
    def write(tmp):
        with open(tmp, 'w', newline='') as f:
            w = csv.DictWriter(f, keys, restval=''); w.writeheader(); w.writerows(rows)
    atomic_write(log, write)

def run_epochs(
    config, # Called with the epoch to train (counted from 1) and the rows so far: the `TrainConfig` of that epoch
    out:str|Path, # The run's folder
    epochs:int, # Stop after this many epochs in all
    hours:float|None=None, # Stop before an epoch that would end after this many hours of this run's epochs, all calls together
) -> list[dict]:
    "Train epoch after epoch until `epochs` or the budget is reached; returns the rows of `progress.csv`"
    out = Path(out); log = out/'progress.csv'
    while True:
        rows = progress(out)
        done, spent = len(rows), sum(float(r['seconds']) for r in rows)
        if done >= epochs: return rows
        if hours is not None and done and (spent + spent / done) / 3600 > hours: return rows
        cfg: TrainConfig = config(done + 1, rows)
        t0 = time.time()
        model, res = train(cfg)
        dt = time.time() - t0
        shutil.copyfile(out/'last.pth', out/f'epoch{done + 1}.pth')
        steps = res.history[-1]['step'] - (res.history[-2]['step'] if len(res.history) > 1 else 0)
        row = dict(epoch=done + 1, lr=f'{cfg.lr:.3g}', seconds=round(dt, 1), photos=steps * cfg.bs,
                   photos_per_s=round(steps * cfg.bs / dt, 2),
                   **{k: round(v, 4) for k, v in res.history[-1].items() if k.startswith('valid_')})
        _write(log, [*rows, row])
        print(row, flush=True)
