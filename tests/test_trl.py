"""A real TRL GRPOTrainer run (2 steps, CPU) with RubricReward as its reward function, on a tiny randomly
initialised Llama built here and the MiniLM tokenizer of the verifier bundle."""
import json
import math
import os

import pytest

from test_runtime_support import bundle_dir, sample_rubrics

trl = pytest.importorskip("trl", reason="the TRL run needs the test extra (trl)")
torch = pytest.importorskip("torch", reason="the TRL run needs torch (the train extra)")


def _tiny_model_and_tokenizer(bundle):
    from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast

    tok = PreTrainedTokenizerFast(tokenizer_file=os.path.join(bundle, "tokenizer.json"), pad_token="[PAD]",
                                  eos_token="[SEP]", bos_token="[CLS]", unk_token="[UNK]")
    tok.padding_side = "left"
    torch.manual_seed(0)
    cfg = LlamaConfig(vocab_size=len(tok), hidden_size=16, intermediate_size=32, num_hidden_layers=2,
                      num_attention_heads=2, num_key_value_heads=2, max_position_embeddings=256,
                      pad_token_id=tok.pad_token_id, eos_token_id=tok.eos_token_id, bos_token_id=tok.bos_token_id)
    return LlamaForCausalLM(cfg), tok


def tiny_grpo(reward, data, out_dir, model=None, tok=None):
    """A GRPOTrainer of 2 CPU steps (4 prompts, 4 generations of 8 tokens) on the tiny Llama with
    ``reward`` as its reward function and ``data`` (a dict of columns) as its dataset."""
    from datasets import Dataset
    from trl import GRPOConfig, GRPOTrainer

    if model is None:
        model, tok = _tiny_model_and_tokenizer(bundle_dir())
    args = GRPOConfig(output_dir=str(out_dir), per_device_train_batch_size=4, num_generations=4,
                      max_completion_length=8, max_steps=2, learning_rate=1e-4, logging_steps=1, report_to=[],
                      save_strategy="no", use_cpu=True, bf16=False, seed=0, dataloader_num_workers=0)
    return GRPOTrainer(model=model, reward_funcs=[reward], args=args, train_dataset=Dataset.from_dict(data),
                       processing_class=tok)


def train_with_rubric_logs(reward, rubs, out_dir, audit_wait: float):
    """Trains :func:`tiny_grpo` on ``rubs`` (by id) with :func:`rubricc.callbacks.attach` and a recording
    callback after it (it stands for the W&B / TensorBoard callbacks, which come after ours); waits up to
    ``audit_wait`` s for the audit; returns (trainer, the logged dicts that carry the escalation figures)."""
    from transformers import TrainerCallback

    from rubricc.callbacks import attach

    data = {"prompt": [rubs[i % 2].prompt_text for i in range(4)], "rubric_id": [rubs[i % 2].id for i in range(4)]}
    trainer = tiny_grpo(reward, data, out_dir)
    seen = []

    class Record(TrainerCallback):
        def on_log(self, args, state, control, logs=None, **kwargs):
            seen.append(dict(logs or {}))

    trainer.add_callback(Record())
    attach(trainer, reward)
    trainer.train()
    reward.audit.wait(audit_wait)
    return trainer, [x for x in seen if "rubric/escalation/escalated" in x]


@pytest.mark.parametrize("column", ["rubric_id", "rubric"])
def test_grpo_two_steps(tmp_path, column):
    from rubricc import RubricReward

    class CountingReward(RubricReward):
        """A RubricReward that keeps what each call returned (TRL calls the object itself)."""

        def __call__(self, *args, **kwargs):
            out = super().__call__(*args, **kwargs)
            calls.append(out)
            return out

    calls = []
    bundle = bundle_dir()
    rubs = sample_rubrics()[:2]
    model, tok = _tiny_model_and_tokenizer(bundle)
    prompts = [rubs[i % 2].prompt_text for i in range(4)]
    if column == "rubric_id":
        data = {"prompt": prompts, "rubric_id": [rubs[i % 2].id for i in range(4)]}
        reward = CountingReward(bundle, rubrics=rubs, threads=1)
    else:
        data = {"prompt": prompts, "rubric": [json.dumps(rubs[i % 2].model_dump(mode="json")) for i in range(4)]}
        reward = CountingReward(bundle, threads=1)
    trainer = tiny_grpo(reward, data, tmp_path, model, tok)
    trainer.train()
    assert trainer.state.global_step == 2
    assert len(calls) >= 2 and all(len(c) == 4 for c in calls)
    assert all(r is not None and 0.0 <= r <= 1.0 for c in calls for r in c)
    logged = [h for h in trainer.state.log_history if "rewards/rubric_reward/mean" in h]
    assert logged, trainer.state.log_history
    assert all(not math.isnan(h["rewards/rubric_reward/mean"]) for h in logged)
