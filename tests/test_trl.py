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


@pytest.mark.parametrize("column", ["rubric_id", "rubric"])
def test_grpo_two_steps(tmp_path, column):
    from datasets import Dataset
    from trl import GRPOConfig, GRPOTrainer

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
    args = GRPOConfig(output_dir=str(tmp_path), per_device_train_batch_size=4, num_generations=4,
                      max_completion_length=8, max_steps=2, learning_rate=1e-4, logging_steps=1, report_to=[],
                      save_strategy="no", use_cpu=True, bf16=False, seed=0, dataloader_num_workers=0)
    trainer = GRPOTrainer(model=model, reward_funcs=[reward], args=args, train_dataset=Dataset.from_dict(data),
                          processing_class=tok)
    trainer.train()
    assert trainer.state.global_step == 2
    assert len(calls) >= 2 and all(len(c) == 4 for c in calls)
    assert all(r is not None and 0.0 <= r <= 1.0 for c in calls for r in c)
    logged = [h for h in trainer.state.log_history if "rewards/rubric_reward/mean" in h]
    assert logged, trainer.state.log_history
    assert all(not math.isnan(h["rewards/rubric_reward/mean"]) for h in logged)
