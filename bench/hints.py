"""What are colour hints worth? A simulated user (Zhang et al. 2017) on Kodak24 and BSDS500-val, and the time 16 hints add.

    python bench/hints.py [--data DIR] [--sets kodak24 bsds500-val] [--n-bsds 100] [--ns 0 1 2 4 8 16 32 64]
                          [--repeats 5] [--write-sidecars DIR] [--sidecar-n 16] [--markdown FILE]

The user: N points at random spots, each with the original's mean colour in a 5x5 patch (`colorlab.hints.simulate_hints`,
seeded by the photo's name: the first k of N points are the points of k, and every run places the same points). For each
photo and N, two results at full resolution, scored against the original with PSNR and LPIPS (`colorlab.metrics`):
propagation alone (Levin et al.; gray without hints) and hints with the shipped model (`colorlab.hints.guide`;
the automatic colorization without hints). Through the library, not the command line.

Time: Kodak's kodim23 resized to 1024x768, colorized by `colorize_guided` without hints and with 16, in turns, in
this process, `--repeats` times each; the best wall time of each is reported (the machine may be busy with other
work), and the best CPU time of the process (all its threads), which other work disturbs less.

`--write-sidecars DIR`: for every Kodak24 photo, a link to it in DIR and its `NAME.hints.json` with `--sidecar-n`
simulated points (the same points as the table's), so that the command line can be checked:

    colorlab colorize DIR -o OUT_HINTS      # sidecars are found beside the photos
    colorlab colorize $COLORLAB_DATA/kodak24 -o OUT_AUTO
    colorlab evaluate ...                   # on both output folders
"""
import argparse, os, sys, time
from pathlib import Path
import numpy as np
import torch, torch.nn.functional as F


def timing(colorizer, repeats:int) -> dict:
    "Best seconds for a 1024x768 photo without and with 16 hints, in turns"
    from colorlab.core import data_path
    from colorlab.photos import Photo, load_image
    from colorlab.hints import colorize_guided, simulate_hints
    rgb = load_image(data_path('kodak24', 'kodim23.png')).tensor()[None]
    big = Photo(np.ascontiguousarray(F.interpolate(rgb, (768, 1024), mode='bilinear', antialias=True)[0].clamp(0, 1).permute(1, 2, 0).numpy()))
    hints = simulate_hints(big.rgb, 16, 1)
    colorize_guided(colorizer, big, hints)  # warm up
    times, cpu = {'automatic': [], '16 hints': []}, {'automatic': [], '16 hints': []}
    for _ in range(repeats):
        for k, h in (('automatic', None), ('16 hints', hints)):
            t, c = time.perf_counter(), time.process_time()
            colorize_guided(colorizer, big, h)
            times[k].append(time.perf_counter() - t); cpu[k].append(time.process_time() - c)
    return {k: min(v) for k, v in times.items()}, {k: min(v) for k, v in cpu.items()}


def write_sidecars(folder:Path, dest:Path, n:int) -> int:
    "Link every photo of `folder` into `dest` with a sidecar of `n` simulated hints; returns how many"
    from colorlab.data import image_files
    from colorlab.photos import load_image
    from colorlab.hints import simulate_hints, photo_seed, SIDECAR
    dest.mkdir(parents=True, exist_ok=True)
    files = image_files(folder)
    for f in files:
        link = dest/f.name
        if not link.exists(): link.symlink_to(f.resolve())
        simulate_hints(load_image(f).rgb, n, photo_seed(f)).save(dest/(f.stem + SIDECAR))
    return len(files)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--data', type=Path, default=None, help='the data folder (default: $COLORLAB_DATA)')
    p.add_argument('--sets', nargs='+', default=['kodak24', 'bsds500-val'])
    p.add_argument('--n-bsds', type=int, default=100, help='how many BSDS500-val photos (the first, sorted by name)')
    p.add_argument('--ns', nargs='+', type=int, default=[0, 1, 2, 4, 8, 16, 32, 64])
    p.add_argument('--repeats', type=int, default=5, help='timing runs of each kind')
    p.add_argument('--prior', type=float, default=16.)
    p.add_argument('--write-sidecars', type=Path, default=None, metavar='DIR')
    p.add_argument('--sidecar-n', type=int, default=16)
    p.add_argument('--markdown', type=Path, default=None, help='also write the table to this file')
    p.add_argument('--no-table', action='store_true', help='only time (and write sidecars)')
    a = p.parse_args(argv)
    if a.data: os.environ['COLORLAB_DATA'] = str(a.data)
    from colorlab.core import data_path
    from colorlab.data import image_files
    from colorlab.inference import Colorizer
    from colorlab.metrics import lpips_model
    from colorlab.hints import evaluate_hints
    t0 = time.time()
    colorizer = Colorizer.from_pretrained()
    print(f'{colorizer}, {torch.get_num_threads()} thread(s)', flush=True)
    if a.write_sidecars:
        k = write_sidecars(data_path('kodak24'), a.write_sidecars, a.sidecar_n)
        print(f'wrote {k} photo links and sidecars of {a.sidecar_n} points to {a.write_sidecars}', flush=True)
    best, cpu = timing(colorizer, a.repeats)
    timed = (f"1024x768 ({torch.get_num_threads()} threads, best of {a.repeats}): automatic {best['automatic']:.2f} s, "
             f"with 16 hints {best['16 hints']:.2f} s ({best['16 hints'] - best['automatic']:+.2f} s); CPU time (all threads) "
             f"{cpu['automatic']:.2f} s and {cpu['16 hints']:.2f} s ({cpu['16 hints'] - cpu['automatic']:+.2f} s)")
    print(timed, flush=True)
    if a.no_table: return
    net, lines = lpips_model(), []
    for name in a.sets:
        files = image_files(data_path(name))
        if name.startswith('bsds'): files = files[:a.n_bsds]
        t = time.time()
        df = evaluate_hints(colorizer, files, a.ns, net, prior=a.prior)
        tab = df.groupby(['n', 'method'])[['psnr', 'lpips']].mean().unstack(1)
        lines += [f'\n{name} ({len(files)} photos; {time.time() - t:.0f} s)\n',
                  '| points | PSNR propagation | PSNR hints+model | LPIPS propagation | LPIPS hints+model |', '|---|---|---|---|---|']
        lines += [f"| {n} | {r[('psnr', 'propagation')]:.2f} | {r[('psnr', 'hints+model')]:.2f} | "
                  f"{r[('lpips', 'propagation')]:.3f} | {r[('lpips', 'hints+model')]:.3f} |" for n, r in tab.iterrows()]
        print('\n'.join(lines[-len(tab) - 3:]), flush=True)
    lines.append('\n' + timed)
    if a.markdown: a.markdown.write_text('\n'.join(lines) + '\n')
    print(f'total {time.time() - t0:.0f} s')


if __name__ == '__main__': main()
