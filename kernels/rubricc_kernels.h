/* rubricc native kernels: fused-batch packing, bucketing, rubric splitting and reward aggregation.
 *
 * A C interface over a small C++17 library, loaded from Python with ctypes (rubricc/kernels/native.py).
 * Every function has a NumPy twin in rubricc.kernels (pack.py, twin.py) that gives IDENTICAL results;
 * tests/test_kernels.py runs every case through both. All arrays are caller-allocated, contiguous.
 * Functions return >= 0 on success and a negative RK_E* code on bad arguments.
 */
#ifndef RUBRICC_KERNELS_H
#define RUBRICC_KERNELS_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RK_ABI_VERSION 1
#define RK_EARG (-1)     /* bad sizes or offsets */
#define RK_ELONG (-2)    /* a sequence is longer than T */

int rk_abi_version(void);

/* Packs B fused sequences into [B, T] arrays (see pack.py:pack_fused).
 * Sequence b is ctx_tokens[ctx_offsets[b]:ctx_offsets[b+1]] followed by criteria
 * seq_crit_offsets[b] .. seq_crit_offsets[b+1]-1, criterion m being crit_tokens[crit_offsets[m]:crit_offsets[m+1]].
 * Writes input_ids, segment_ids, position_ids ([B*T] each) and read_index ([M], M = seq_crit_offsets[B]).
 * Returns M. */
int64_t rk_pack_fused(int64_t B, const int64_t* ctx_tokens, const int64_t* ctx_offsets,
                      const int64_t* crit_tokens, const int64_t* crit_offsets, const int64_t* seq_crit_offsets,
                      int64_t pad_id, int64_t T, int64_t* input_ids, int64_t* segment_ids,
                      int64_t* position_ids, int64_t* read_index);

/* Splits one rubric's criteria into consecutive chunks so each fused sequence
 * (ctx_len + sum of its criterion lengths) stays <= max_seq_len; a chunk always holds at least one
 * criterion. Writes chunk_of[n] (0, 1, ...). Returns the number of chunks. */
int64_t rk_split_criteria(int64_t n, const int64_t* crit_lens, int64_t ctx_len, int64_t max_seq_len,
                          int64_t* chunk_of);

/* Groups n sequences into buckets: sequences sorted by length, longest first (ties by index), a bucket
 * grows while (count + 1) * (its longest length) <= token_budget and count < max_batch (a bucket always
 * holds at least one). Writes order[n] and bucket_starts[n + 1]. Returns the number of buckets. */
int64_t rk_bucket(int64_t n, const int64_t* lengths, int64_t token_budget, int64_t max_batch,
                  int64_t* order, int64_t* bucket_starts);

/* out[m] = logits[read_index[m]] for m < M. */
int64_t rk_gather(int64_t M, const float* logits, const int64_t* read_index, float* out);

/* Reward aggregation: the batched form of rubricc.scoring.score (the definition of the reward).
 * Response r owns the next counts[r] criteria. kind[m]: 0 neural (p = 1 / (1 + exp(-(logit / temperature)))),
 * 1 program (value[m] is its verdict in [0, 1]), 2 missing (None: 0 with missing_drop == 0, else dropped).
 * probs[m] receives the verdict used (NaN for missing). rewards[r] is sum w v / sum_{w > 0} w, NaN when
 * the denominator is 0, clipped to [0, 1] when clip != 0. Returns the number of responses. */
int64_t rk_aggregate(int64_t R, const int64_t* counts, const int64_t* weights, const int8_t* kind,
                     const float* logits, const double* value, double temperature, int clip,
                     int missing_drop, double* probs, double* rewards);

#ifdef __cplusplus
}
#endif

#endif
