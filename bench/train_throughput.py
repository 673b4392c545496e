"""Training-step throughput of every colorizer: colorlab's engine against a plain fp32 PyTorch loop.

    python bench/train_throughput.py [--size N] [--bs 16] [--steps 10] [--models baseline,zhang]
    python bench/train_throughput.py --default [--photos 640] [--rounds 2]

`--default` trains the shipped default model end to end (Lab cache, augmentation, loader, training steps, a
validation batch) for one epoch on the same Imagenette photos, once with today's recipe and once with the first
default's (fp32, L1 head, the whole U-Net trained, Adam one tensor at a time), interleaved, and prints one line ending
in the ratio of photos/s.

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
from colorlab.train import Stepper, fast_device


def throughput(name, batches, device, engine, steps):
    "Photos per second of `steps` training steps (after 2 warm-up steps)"
    seed_everything(0)
    model = build_model(name).to(device)
    if engine and fast_device(device): model = model.to(memory_format=torch.channels_last)
    stepper = Stepper(model.optimizers(2e-4), device, amp=None if engine else False)
    def run(n):
        for i in range(n):
            L, ab = batches[i % len(batches)]
            if engine and fast_device(device):
                L, ab = L.contiguous(memory_format=torch.channels_last), ab.contiguous(memory_format=torch.channels_last)
            model.training_step(L, ab, stepper)
        if device.type == 'cuda': torch.cuda.synchronize()
    run(2)
    t0 = time.perf_counter(); run(steps); dt = time.perf_counter() - t0
    return steps * len(batches[0][0]) / dt


def default_recipes(n:int, size:int, bs:int, rounds:int):
    "Photos/s of training the default model end to end, with today's recipe and with the first default's, same photos"
    from colorlab.data import lab_dataloaders
    from colorlab.train import fit, adam, cpu_bf16
    dls = lab_dataloaders(data_path('imagenette'), size=size, bs=bs, max_train=n, max_valid=bs, verbose=False)
    n_train = len(dls.train) * bs
    def first(m):  # the first default (2026-11-24): fp32, default memory format, one Adam step per tensor
        m.optimizers = lambda lr: {k: adam(o.parameters(), lr, (0.5, 0.999), foreach=False) for k, o in (('D', m.D), ('G', m.G))}
        return dict(amp=False, channels_last=False)
    recipes = {'first default (fp32, L1 head, whole U-Net, per-tensor Adam)':
                   (dict(head='ab', freeze_encoder=False), first),
               'new default (bf16 if native, channels_last, foreach Adam, frozen encoder, 261-bin head at 1/4)':
                   (dict(head='bins', freeze_encoder=True), lambda m: {})}
    best = {}
    for r in range(rounds):  # interleaved, best of `rounds` each: fair on a machine with other load
        for name, (hp, setup) in recipes.items():
            seed_everything(0)
            model = build_model('pix2pix', backbone='efficientnet_lite0', pretrained=True, gan=False, **hp)
            kw = setup(model)
            t0 = time.perf_counter()
            model.prepare(dls)  # the bins' prior: part of the run
            fit(model, dls, 1, 5e-4, show_progress=False, **kw)
            rate = n_train / (time.perf_counter() - t0)
            best[name] = max(best.get(name, 0), rate)
            print(f'  round {r + 1}: {name}: {rate:.1f} photos/s', flush=True)
    old, new = best.values()
    print(f'default model end to end, {n_train} Imagenette photos at {size} px, batches of {bs}, {torch.get_num_threads()} threads, '
          f'native bf16: {cpu_bf16()}, torch {torch.__version__}: first default {old:.1f} photos/s, new default {new:.1f} photos/s, '
          f'ratio {new / old:.2f}x')


def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--default', action='store_true', help="the default model end to end, today's recipe against the first default's")
    p.add_argument('--photos', type=int, default=640, help='--default: training photos per run')
    p.add_argument('--rounds', type=int, default=2, help='--default: runs of each recipe (the best counts)')
    p.add_argument('--size', type=int, default=None)
    p.add_argument('--bs', type=int, default=16)
    p.add_argument('--steps', type=int, default=10)
    p.add_argument('--models', default=','.join(MODELS))
    a = p.parse_args()
    if a.default: return default_recipes(a.photos, a.size or 96, 32 if a.bs == 16 else a.bs, a.rounds)
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
