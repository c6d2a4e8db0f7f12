// rubricc native kernels (C++17): see rubricc_kernels.h for the contract of each function.
#include "rubricc_kernels.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

extern "C" {

int rk_abi_version(void) { return RK_ABI_VERSION; }

int64_t rk_pack_fused(int64_t B, const int64_t* ctx_tokens, const int64_t* ctx_offsets,
                      const int64_t* crit_tokens, const int64_t* crit_offsets, const int64_t* seq_crit_offsets,
                      int64_t pad_id, int64_t T, int64_t* input_ids, int64_t* segment_ids,
                      int64_t* position_ids, int64_t* read_index) {
    if (B < 0 || T < 0) return RK_EARG;
    const int64_t BT = B * T;
    std::fill(input_ids, input_ids + BT, pad_id);
    std::fill(segment_ids, segment_ids + BT, int64_t(-1));
    std::fill(position_ids, position_ids + BT, int64_t(0));
    int64_t m_out = 0;
    for (int64_t b = 0; b < B; ++b) {
        const int64_t c0 = ctx_offsets[b], c1 = ctx_offsets[b + 1];
        const int64_t lc = c1 - c0;
        if (lc < 0) return RK_EARG;
        int64_t total = lc;
        for (int64_t m = seq_crit_offsets[b]; m < seq_crit_offsets[b + 1]; ++m) {
            const int64_t n = crit_offsets[m + 1] - crit_offsets[m];
            if (n < 0) return RK_EARG;
            total += n;
        }
        if (total > T) return RK_ELONG;
        int64_t* ids = input_ids + b * T;
        int64_t* seg = segment_ids + b * T;
        int64_t* pos = position_ids + b * T;
        for (int64_t t = 0; t < lc; ++t) {
            ids[t] = ctx_tokens[c0 + t];
            seg[t] = 0;
            pos[t] = t;
        }
        int64_t t = lc;
        int64_t k = 1;
        for (int64_t m = seq_crit_offsets[b]; m < seq_crit_offsets[b + 1]; ++m, ++k) {
            const int64_t s0 = crit_offsets[m], n = crit_offsets[m + 1] - s0;
            read_index[m_out++] = b * T + t;
            for (int64_t i = 0; i < n; ++i) {
                ids[t + i] = crit_tokens[s0 + i];
                seg[t + i] = k;
                pos[t + i] = lc + i;
            }
            t += n;
        }
    }
    return m_out;
}

int64_t rk_split_criteria(int64_t n, const int64_t* crit_lens, int64_t ctx_len, int64_t max_seq_len,
                          int64_t* chunk_of) {
    if (n < 0) return RK_EARG;
    int64_t chunk = 0, used = ctx_len, count = 0;
    for (int64_t i = 0; i < n; ++i) {
        if (count > 0 && used + crit_lens[i] > max_seq_len) {
            ++chunk;
            used = ctx_len;
            count = 0;
        }
        used += crit_lens[i];
        ++count;
        chunk_of[i] = chunk;
    }
    return n > 0 ? chunk + 1 : 0;
}

int64_t rk_bucket(int64_t n, const int64_t* lengths, int64_t token_budget, int64_t max_batch,
                  int64_t* order, int64_t* bucket_starts) {
    if (n < 0) return RK_EARG;
    std::vector<int64_t> idx(static_cast<size_t>(n));
    std::iota(idx.begin(), idx.end(), int64_t(0));
    std::stable_sort(idx.begin(), idx.end(), [&](int64_t a, int64_t b) { return lengths[a] > lengths[b]; });
    std::copy(idx.begin(), idx.end(), order);
    int64_t nb = 0, i = 0;
    while (i < n) {
        bucket_starts[nb++] = i;
        const int64_t tmax = lengths[idx[static_cast<size_t>(i)]];
        int64_t count = 1;
        ++i;
        while (i < n && count < max_batch && (count + 1) * tmax <= token_budget) {
            ++count;
            ++i;
        }
    }
    bucket_starts[nb] = n;
    return nb;
}

int64_t rk_gather(int64_t M, const float* logits, const int64_t* read_index, float* out) {
    if (M < 0) return RK_EARG;
    for (int64_t m = 0; m < M; ++m) out[m] = logits[read_index[m]];
    return M;
}

int64_t rk_aggregate(int64_t R, const int64_t* counts, const int64_t* weights, const int8_t* kind,
                     const float* logits, const double* value, double temperature, int clip,
                     int missing_drop, double* probs, double* rewards) {
    if (R < 0 || !(temperature > 0.0)) return RK_EARG;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    int64_t m = 0;
    for (int64_t r = 0; r < R; ++r) {
        double num = 0.0, den = 0.0;
        for (int64_t j = 0; j < counts[r]; ++j, ++m) {
            double v = 0.0;  // a missing verdict counts as not met unless dropped
            if (kind[m] == 0) {
                const double z = static_cast<double>(logits[m]) / temperature;
                v = 1.0 / (1.0 + std::exp(-z));
                probs[m] = v;
            } else if (kind[m] == 1) {
                v = value[m];
                probs[m] = v;
            } else {
                probs[m] = nan;
                if (missing_drop) continue;
            }
            num += static_cast<double>(weights[m]) * v;
            if (weights[m] > 0) den += static_cast<double>(weights[m]);
        }
        double out = nan;
        if (den > 0.0) {
            out = num / den;
            if (clip) {
                out = out > 0.0 ? out : 0.0;
                out = out < 1.0 ? out : 1.0;
            }
        }
        rewards[r] = out;
    }
    return R;
}

}  // extern "C"
