"""The README's first picture: real photos as the shipped model colours them, gray input above and the original below.

    COLORLAB_DATA=../shared/data python scripts/readme_figure.py [--out docs/before_after.jpg] [PHOTO ...]

PHOTO is a path, or a name inside `$COLORLAB_DATA/kodak24` (default: kodim21, kodim13, kodim22 and kodim09, the
last one chosen because the model gets it wrong: green water, purple sails). Every photo goes through
`Colorizer.from_pretrained()` at full resolution, exactly as `colorlab colorize` does; the figure is written as a JPEG.

    python scripts/readme_figure.py --vivid 0,1,3 --out docs/vivid.jpg kodim05 kodim20 kodim03

draws what `--vivid` trades instead: one row per photo, the gray input, the shipped model at each `--vivid` value,
and the original.
"""
import argparse
from pathlib import Path
import numpy as np
import matplotlib
matplotlib.use('Agg')
import matplotlib.pyplot as plt
from colorlab.core import data_path
from colorlab.evaluate import gray_input
from colorlab.inference import Colorizer
from colorlab.photos import load_image

def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('photos', nargs='*', default=['kodim21', 'kodim13', 'kodim22', 'kodim09'])
    p.add_argument('--out', default='docs/before_after.jpg')
    p.add_argument('--width', type=float, default=12, help='inches, at 100 dpi')
    p.add_argument('--vivid', default=None, metavar='K,K,...', help="columns of the shipped model at these --vivid values")
    a = p.parse_args()
    files = [Path(f) if Path(f).is_file() else data_path('kodak24')/f'{f}.png' for f in a.photos]
    c = Colorizer.from_pretrained()
    ks = [float(k) for k in a.vivid.split(',')] if a.vivid else None
    cols = ['gray input', *(f'--vivid {k:g}' for k in ks), 'original'] if ks else None
    rows = {'gray input': [], 'colorlab (shipped model)': [], 'original': []} if not ks else {f.stem: [] for f in files}
    for f in files:
        rgb = load_image(f).rgb[..., :3]  # float sRGB in [0, 1]
        if ks:  # one row per photo: gray, each K, original
            outs = []
            for k in ks: c.vivid = k; outs.append(np.asarray(c.colorize(f).convert('RGB')) / 255)
            rows[f.stem] = [gray_input(rgb), *outs, rgb]
            continue
        rows['gray input'].append(gray_input(rgb))  # what the model sees: the lightness L, no colour
        rows['colorlab (shipped model)'].append(np.asarray(c.colorize(f).convert('RGB')) / 255)
        rows['original'].append(rgb)
    first = next(iter(rows.values()))
    ratios = [im.shape[1] / im.shape[0] for im in first]
    h = a.width / sum(ratios)  # the height of one row, in inches
    fig, axs = plt.subplots(len(rows), len(first), figsize=(a.width, len(rows) * h + (0.5 if ks else 0.3)),
                            gridspec_kw=dict(width_ratios=ratios, wspace=0.02, hspace=0.02), squeeze=False)
    for r, (label, ims) in enumerate(rows.items()):
        for i, im in enumerate(ims):
            axs[r, i].imshow(np.clip(im, 0, 1)); axs[r, i].set_xticks([]); axs[r, i].set_yticks([])
            for s in axs[r, i].spines.values(): s.set_visible(False)
            if ks and r == 0: axs[r, i].set_title(cols[i], fontsize=10)
        if not ks: axs[r, 0].set_ylabel(label, fontsize=10)
    fig.subplots_adjust(left=0.002 if ks else 0.025, right=0.998, top=(1 - 0.3 / fig.get_figheight()) if ks else 0.998, bottom=0.002)
    out = Path(a.out); out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=100, pil_kwargs={'quality': 85, 'optimize': True})
    print(f'{out}: {out.stat().st_size / 1024:.0f} KB, {", ".join(f.name for f in files)}')

if __name__ == '__main__': main()
