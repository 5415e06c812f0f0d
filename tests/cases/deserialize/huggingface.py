# B615: Hugging Face downloads without a pinned revision.
from datasets import load_dataset
from huggingface_hub import hf_hub_download, snapshot_download
from transformers import AutoModel, AutoTokenizer

REVISION = "5d0f2e8a7f1b9c3d4e6f8a0b1c2d3e4f5a6b7c8d"


def positives(rev):
    AutoModel.from_pretrained("org/model")  # expect: KR315
    AutoTokenizer.from_pretrained("org/model", revision="main")  # expect: KR315
    AutoModel.from_pretrained("org/model", revision="v1.0.0")  # expect: KR315
    hf_hub_download(repo_id="org/model", filename="w.bin")  # expect: KR315
    snapshot_download("org/model", revision="refs/pr/1")  # expect: KR315
    load_dataset("org/data")  # expect: KR315
    hf_hub_download(repo_id="org/model", filename="w.bin", revision=rev)  # expect: KR315


def negatives(model):
    AutoModel.from_pretrained("org/model", revision=REVISION)
    AutoModel.from_pretrained("org/model", revision="5d0f2e8")
    AutoModel.from_pretrained("./local-model")
    AutoModel.from_pretrained("/srv/models/bert")
    load_dataset("org/data", revision="abcdef1")
    snapshot_download(repo_id="org/model", revision=REVISION)
    model.from_pretrained("org/model")
    AutoModel.from_config(model)
