"""Training-step throughput of every colorizer: colorlab's engine against a plain fp32 PyTorch loop.

    python bench/train_throughput.py [--size N] [--bs 16] [--steps 10] [--models baseline,zhang]

For each model, both loops run the model's own `training_step` on the same batches of real photos (Imagenette
validation photos from `$COLORLAB_DATA`, through the Lab cache, already on the device):
- engine: what `fit` does, i.e. mixed precision (bfloat16 or float16) and `channels_last` when the device is a GPU;
- plain: float32, default memory format, no autocast.
On a CPU the engine switches both features off, so the ratio there is about 1 by design; the GPU numbers are the ones
that show what the features buy. The default size is 128 px on a CPU and 256 px on a GPU.
"""
import argparse, time
import torch
from colorlab.core import data_path, default_device, seed_everything
from colorlab.data import image_files, LabCache, LabDataLoader
from colorlab.models import MODELS, build_model
from colorlab.train import Stepper


def throughput(name, batches, device, engine, steps):
    "Photos per second of `steps` training steps (after 2 warm-up steps)"
    seed_everything(0)
    model = build_model(name).to(device)
    if engine and device.type == 'cuda': model = model.to(memory_format=torch.channels_last)
    stepper = Stepper(model.optimizers(2e-4), device, amp=None if engine else False)
    def run(n):
        for i in range(n):
            L, ab = batches[i % len(batches)]
            if engine and device.type == 'cuda':
                L, ab = L.contiguous(memory_format=torch.channels_last), ab.contiguous(memory_format=torch.channels_last)
            model.training_step(L, ab, stepper)
        if device.type == 'cuda': torch.cuda.synchronize()
    run(2)
    t0 = time.perf_counter(); run(steps); dt = time.perf_counter() - t0
    return steps * len(batches[0][0]) / dt


def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--size', type=int, default=None)
    p.add_argument('--bs', type=int, default=16)
    p.add_argument('--steps', type=int, default=10)
    p.add_argument('--models', default=','.join(MODELS))
    a = p.parse_args()
    device = default_device()
    size = a.size or (256 if device.type == 'cuda' else 128)
    files = image_files(data_path('imagenette', 'val'))[::8][:a.bs * 4]
    cache = LabCache(files, size, verbose=False)
    dl = LabDataLoader(cache, range(len(cache)), size, augment=True, bs=a.bs, drop_last=True, device=device)
    batches = list(dl)
    print(f'{device} ({torch.cuda.get_device_name() if device.type == "cuda" else f"{torch.get_num_threads()} threads"}), '
          f'{size} px, batches of {a.bs}, {a.steps} timed steps, torch {torch.__version__}')
    print(f'{"model":>10} {"plain fp32":>12} {"engine":>12} {"ratio":>7}')
    for name in a.models.split(','):  # interleaved, best of two each: fair on a machine with other load
        runs = [(engine, throughput(name, batches, device, engine, a.steps)) for engine in (False, True, False, True)]
        plain, eng = (max(r for e, r in runs if e == want) for want in (False, True))
        print(f'{name:>10} {plain:10.1f}/s {eng:10.1f}/s {eng / plain:6.2f}x')


if __name__ == '__main__': main()
