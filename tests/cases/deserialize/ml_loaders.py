# torch.load (B614), numpy allow_pickle, multiprocessing recv.
import numpy as np
import torch
from multiprocessing.connection import Client, Listener
from torch import load as tload


def positives(path, flag, address, key):
    torch.load(path)  # expect: KR314
    torch.load(path, weights_only=False)  # expect: KR314
    torch.load(path, weights_only=flag)  # expect: KR314
    tload(path, map_location="cpu")  # expect: KR314
    torch.serialization.load(path)  # expect: KR314
    np.load(path, allow_pickle=True)  # expect: KR320
    np.load(path, None, True)  # expect: KR320
    np.load(path, allow_pickle=flag)  # expect: KR320
    conn = Client(address, authkey=key)
    conn.recv()  # expect: KR322
    conn.recv_bytes()
    with Listener(address) as listener:
        with listener.accept() as peer:
            peer.recv()  # expect: KR322


def negatives(path, model):
    torch.load(path, weights_only=True)
    torch.jit.load(path)
    np.load(path)
    np.load(path, allow_pickle=False)
    model.load(path)
    torch.save(model, path)
