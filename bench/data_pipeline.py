"""How fast can batches of normalised (L, ab) be made? The Lab cache against decoding JPEGs per item.

    python bench/data_pipeline.py [--data DIR] [--size 224] [--bs 64]

Both pipelines produce the same thing, batches of normalised L (B, 1, S, S) and ab (B, 2, S, S) on the CPU, in one
process (num_workers=0), over the same photos, and use the same library functions (`load_image`, `resize_crop`,
`rgb2lab`). The baseline decodes, resizes and converts every photo every time it is used, as most colorization code
does; the cache does that once (its build time is printed too) and then reads memory-mapped uint8/int8 arrays.
"""
import argparse, os, shutil, sys, tempfile, time, warnings
from pathlib import Path
import torch
from torch.utils.data import DataLoader as TorchDataLoader
from colorlab.core import data_path, seed_everything
from colorlab.lab import rgb2lab, lab2norm
from colorlab.data import image_files, load_image, resize_crop, LabCache, LabDataLoader


class JpegLab(torch.utils.data.Dataset):
    "The baseline: decode, resize and convert one photo per item"
    def __init__(self, files, size): self.files, self.size = files, size
    def __len__(self): return len(self.files)
    def __getitem__(self, i):
        rgb = resize_crop(load_image(self.files[i], draft=self.size).tensor(), self.size).clamp(0, 1)
        return lab2norm(rgb2lab(rgb))


def rate(batches, n_items):
    "Photos per second over one pass of `batches` (after one warm-up batch)"
    it = iter(batches); next(it)
    t0 = time.perf_counter(); n = 0
    for L, ab in it: n += len(L)
    dt = time.perf_counter() - t0
    return n / dt, n, dt


def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--data', default=str(data_path('imagenette', 'val')), help='a folder of photos (default: Imagenette val)')
    p.add_argument('--size', type=int, default=224)
    p.add_argument('--bs', type=int, default=64)
    p.add_argument('--limit', type=int, default=None, help='use only the first N photos')
    a = p.parse_args()
    files = image_files(a.data)[:a.limit]
    if not files: sys.exit(f'no photos in {a.data}')
    torch.set_num_threads(os.cpu_count())
    print(f'{len(files)} photos from {a.data}, {a.size}px, batches of {a.bs}, one process, '
          f'{os.cpu_count()} CPU(s), torch {torch.__version__}')
    seed_everything(0)

    base = TorchDataLoader(JpegLab(files, a.size), batch_size=a.bs, shuffle=True, num_workers=0)
    r_base, n, dt = rate(base, len(files))
    print(f'decode JPEG + resize + Lab per item: {r_base:8.0f} photos/s ({n} in {dt:.1f}s)')

    tmp = Path(tempfile.mkdtemp(prefix='colorlab-bench-'))
    try:
        t0 = time.perf_counter()
        cache = LabCache(files, a.size, cache_dir=tmp, verbose=False)
        build = time.perf_counter() - t0
        print(f'building the Lab cache once:          {len(cache) / build:8.0f} photos/s ({build:.1f}s, '
              f'{cache.nbytes / 2**20:.0f} MiB on disk)')
        idxs = range(len(cache))
        plain = LabDataLoader(cache, idxs, a.size, augment=False, bs=a.bs, shuffle=True, device='cpu')
        r_cache, n, dt = rate(plain, len(cache))
        print(f'Lab cache batches:                    {r_cache:8.0f} photos/s ({n} in {dt:.1f}s)')
        aug = LabDataLoader(cache, idxs, a.size, augment=True, bs=a.bs, shuffle=True, device='cpu')
        r_aug, n, dt = rate(aug, len(cache))
        print(f'Lab cache batches + crop/flip on CPU: {r_aug:8.0f} photos/s ({n} in {dt:.1f}s)')
    finally: shutil.rmtree(tmp, ignore_errors=True)
    print(f'ratio, cache / per-item decoding: {r_cache / r_base:.1f}x (with augmentation: {r_aug / r_base:.1f}x)')


if __name__ == '__main__': main()
