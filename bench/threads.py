"""Two trainings side by side on one machine, as `nbdev-test` runs two notebooks on two cores: PyTorch's default
thread count against one thread per process, and one process alone for reference.

    COLORLAB_DATA=../shared/data python bench/threads.py

Each run trains `05_zhang`'s quick model (nf=16, 300 Imagenette photos at 64 px, batches of 16) for two epochs and
prints the seconds of each epoch."""
import os, subprocess, sys, tempfile, time

def child(threads:str):
    import torch
    if threads != 'default': torch.set_num_threads(int(threads))
    from colorlab.core import seed_everything, data_path
    from colorlab.data import lab_dataloaders
    from colorlab.train import fit
    from colorlab.zhang import ZhangColorizer
    dls = lab_dataloaders(data_path('imagenette'), size=64, bs=16, max_train=300, max_valid=64,
                          cache_dir=tempfile.mkdtemp(), verbose=False)
    seed_everything(42)
    res = fit(ZhangColorizer(nf=16).set_class_weights(dls.train), dls, epochs=2, lr=3e-3, show_progress=False)
    print(' '.join(f"{r['seconds']:.2f}" for r in res.history))

def run(threads:str, n:int) -> list[str]:
    env = {k: v for k, v in os.environ.items() if k not in ('OMP_NUM_THREADS', 'IN_TEST')}
    ps = [subprocess.Popen([sys.executable, __file__, '--child', threads], stdout=subprocess.PIPE, text=True, env=env)
          for _ in range(n)]
    return [p.communicate()[0].strip() for p in ps]

if __name__ == '__main__':
    if sys.argv[1:2] == ['--child']: child(sys.argv[2]); sys.exit()
    print(f'{os.cpu_count()} cores; seconds of epoch 1 and epoch 2 of each process')
    for threads, n in (('default', 1), ('default', 2), ('1', 2)):
        t = time.time(); out = run(threads, n)
        print(f"{n} process(es), threads {threads}: {' | '.join(out)} (wall {time.time() - t:.1f} s)", flush=True)
