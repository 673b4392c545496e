"""How long does colorizing a folder of 1024x768 photos take on the CPU? `colorlab colorize` against richzhang's eccv16.

    pip install rz-colorization      # the peer; for this benchmark only, it is not a colorlab dependency
    python bench/inference.py [--data DIR] [--n 24] [--repeats 2] [--model default|PATH]

The photos: Kodak24 (`$COLORLAB_DATA/kodak24`), portrait ones turned, resized to 1024x768 and saved as JPEG (quality
92) into a temporary folder; `--data DIR` uses the photos of DIR instead, resized the same way.

colorlab: the installed command, `colorlab colorize DIR -o OUT -q`, with the shipped model (or `--model`), in a fresh
process, timed from launch to exit: start-up, model loading, reading and writing included.

The peer: Zhang, Isola and Efros's ECCV 2016 colorizer as the PyPI package `rz-colorization` ships it,
`colorizers.eccv16(pretrained=False)` (its weights cannot be downloaded here; random weights compute exactly the
same), run through the steps of its own `demo_release.py` for every photo: `load_img`, `preprocess_img` (L at
256x256 and at full size, with scikit-image), the network, `postprocess_tens` (ab upsampled to full size and joined
with the full-size L, scikit-image's `lab2rgb`) and `plt.imsave`; also in a fresh process timed from launch to exit.
Both write JPEG files of the photos' full size. Both run with `OMP_WAIT_POLICY=PASSIVE`, which `colorlab` sets for
itself (spinning OpenMP threads stall one another on a shared CPU, and the peer gains from it too). The two commands
take turns, `--repeats` times; the best time of each is reported (the machine may be busy with other work; the best
run is the least disturbed). Each also colorizes the first photo alone, which splits its time into a fixed part
(start-up: imports, loading the model) and a time per photo, from which the folder size where colorlab's total
becomes a quarter of the peer's follows.
"""
import argparse, os, shutil, subprocess, sys, tempfile, time
from pathlib import Path
from PIL import Image

PEER = r'''
import sys, os, glob
import torch, colorizers
import matplotlib; matplotlib.use('Agg')
import matplotlib.pyplot as plt
from colorizers import load_img, preprocess_img, postprocess_tens
src, out = sys.argv[1], sys.argv[2]
colorizer_eccv16 = colorizers.eccv16(pretrained=False).eval()
os.makedirs(out, exist_ok=True)
for f in sorted(glob.glob(os.path.join(src, '*.jpg'))):
    img = load_img(f)
    (tens_l_orig, tens_l_rs) = preprocess_img(img, HW=(256, 256))
    out_img_eccv16 = postprocess_tens(tens_l_orig, colorizer_eccv16(tens_l_rs).cpu())
    plt.imsave(os.path.join(out, os.path.basename(f)), out_img_eccv16)
'''


def make_photos(src:Path, dest:Path, n:int, size=(1024, 768)) -> list[Path]:
    "`n` photos from `src` (cycled if needed), landscape, resized to `size`, as JPEG files in `dest`"
    from colorlab.data import image_files
    files = image_files(src)
    if not files: sys.exit(f'no photos in {src}')
    dest.mkdir(parents=True, exist_ok=True)
    res = []
    for i in range(n):
        im = Image.open(files[i % len(files)]).convert('RGB')
        if im.height > im.width: im = im.transpose(Image.Transpose.ROTATE_90)
        p = dest/f'{i:03d}_{files[i % len(files)].stem}.jpg'
        im.resize(size, Image.Resampling.BICUBIC).save(p, quality=92)
        res.append(p)
    return res


def timed(cmd:list, out:Path) -> float:
    "Seconds from launch to exit of `cmd`, which must succeed and write one file per photo into `out`"
    shutil.rmtree(out, ignore_errors=True)
    t0 = time.perf_counter()
    r = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, 'OMP_WAIT_POLICY': 'PASSIVE'})
    dt = time.perf_counter() - t0
    if r.returncode != 0: sys.exit(f'{cmd[0]} failed ({r.returncode}):\n{r.stderr[-3000:]}')
    return dt


def main():
    from colorlab.core import data_path
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--data', default=str(data_path('kodak24')), help='photos to resize to 1024x768 (default: Kodak24)')
    p.add_argument('--n', type=int, default=24, help='number of photos (default: 24)')
    p.add_argument('--repeats', type=int, default=2, help='runs of each command (default: 2)')
    p.add_argument('--model', default='default', help="colorlab's model: a shipped name or a checkpoint (default: default)")
    a = p.parse_args()
    try: import colorizers  # noqa: F401
    except ImportError: sys.exit('the peer is missing: pip install rz-colorization')
    import torch
    from colorlab.inference import Colorizer, weights_path
    meta = (Colorizer.from_pretrained(name=a.model) if weights_path(a.model).is_file() else Colorizer.from_checkpoint(a.model)).meta
    tmp = Path(tempfile.mkdtemp(prefix='colorlab-bench-'))
    try:
        photos = make_photos(Path(a.data), tmp/'photos', a.n)
        (tmp/'one').mkdir(); shutil.copy(photos[0], tmp/'one')
        colorlab = lambda d: [str(Path(sys.executable).parent/'colorlab'), 'colorize', str(d), '-o', str(tmp/'ours'), '-q', '--model', a.model]
        peer = lambda d: [sys.executable, '-c', PEER, str(d), str(tmp/'peer')]
        print(f'{len(photos)} photos of 1024x768 from {a.data}; {os.cpu_count()} CPU(s), torch {torch.__version__}, '
              f'torch threads {torch.get_num_threads()}, load average {os.getloadavg()[0]:.1f}')
        print(f"colorlab model: {meta.get('architecture')}, working size {meta.get('size')}")
        times = {k: [] for k in ('colorlab', 'eccv16', 'colorlab 1', 'eccv16 1')}
        for r in range(a.repeats):
            for name, cmd in (('colorlab', colorlab), ('eccv16', peer)):
                times[name].append(timed(cmd(tmp/'photos'), tmp/('ours' if name == 'colorlab' else 'peer')))
                outs = sorted((tmp/('ours' if name == 'colorlab' else 'peer')).glob('*.jpg'))
                assert len(outs) == len(photos) and all(Image.open(o).size == (1024, 768) for o in outs), name
                times[f'{name} 1'].append(timed(cmd(tmp/'one'), tmp/('ours' if name == 'colorlab' else 'peer')))
            print(f"run {r + 1}: " + ', '.join(f'{k} {v[-1]:.1f}s' for k, v in times.items()))
        n, best = len(photos), {k: min(v) for k, v in times.items()}
        per = {k: (best[k] - best[f'{k} 1']) / (n - 1) for k in ('colorlab', 'eccv16')}
        fixed = {k: best[f'{k} 1'] - per[k] for k in per}
        print(f'\n| command | {n} photos, start-up included | start-up | per photo |\n|---|---|---|---|')
        print(f'| colorlab colorize ({meta.get("architecture", "?").split("(")[0]}, size {meta.get("size")}) | '
              f'{best["colorlab"]:.1f} s | {fixed["colorlab"]:.1f} s | {per["colorlab"]:.2f} s |')
        print(f'| eccv16 demo pipeline (rz-colorization) | {best["eccv16"]:.1f} s | {fixed["eccv16"]:.1f} s | {per["eccv16"]:.2f} s |')
        print(f'\ncolorlab takes {best["colorlab"] / best["eccv16"]:.2f} of the peer\'s time for {n} photos (target: at most 0.25); '
              f'per photo, {per["colorlab"] / per["eccv16"]:.2f}')
        den = 0.25 * per['eccv16'] - per['colorlab']
        if den > 0: print(f'from about {max(1, (fixed["colorlab"] - 0.25 * fixed["eccv16"]) / den):.0f} photos on, colorlab takes at most a quarter')
    finally: shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__': main()
