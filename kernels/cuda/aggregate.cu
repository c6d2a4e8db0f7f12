// CUDA twin of rk_gather + rk_aggregate for rewards computed next to the logits on the GPU
// (IO binding keeps the [B, T] logits on the device). Built only with -DRUBRICC_CUDA=ON when CMake's
// check_language(CUDA) finds nvcc; compile-checked on CPU-only machines, never run there.
// Same rule and same summation order as rubricc_kernels.cpp (one thread per response, sequential sum,
// no FMA contraction: compiled with --fmad=false) so results match the host kernel.
#include <cstdint>
#include <cuda_runtime.h>

namespace {

__global__ void gather_aggregate_kernel(int64_t R, const int64_t* __restrict__ starts,
                                        const int64_t* __restrict__ counts, const int64_t* __restrict__ weights,
                                        const int8_t* __restrict__ kind, const float* __restrict__ logits_bt,
                                        const int64_t* __restrict__ read_index, const double* __restrict__ value,
                                        double temperature, int clip, int missing_drop,
                                        double* __restrict__ probs, double* __restrict__ rewards) {
    const int64_t r = blockIdx.x * static_cast<int64_t>(blockDim.x) + threadIdx.x;
    if (r >= R) return;
    const double nan = __longlong_as_double(0x7ff8000000000000LL);
    double num = 0.0, den = 0.0;
    for (int64_t m = starts[r]; m < starts[r] + counts[r]; ++m) {
        double v;
        if (kind[m] == 0) {
            const double z = static_cast<double>(logits_bt[read_index[m]]) / temperature;
            v = 1.0 / (1.0 + exp(-z));
        } else if (kind[m] == 1) {
            v = value[m];
        } else {
            probs[m] = nan;
            if (missing_drop) continue;
            v = 0.0;
        }
        if (kind[m] != 2) probs[m] = v;
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

}  // namespace

extern "C" int rk_cuda_gather_aggregate(int64_t R, const int64_t* starts, const int64_t* counts,
                                        const int64_t* weights, const int8_t* kind, const float* logits_bt,
                                        const int64_t* read_index, const double* value, double temperature,
                                        int clip, int missing_drop, double* probs, double* rewards,
                                        cudaStream_t stream) {
    if (R <= 0) return 0;
    const int threads = 128;
    const int blocks = static_cast<int>((R + threads - 1) / threads);
    gather_aggregate_kernel<<<blocks, threads, 0, stream>>>(R, starts, counts, weights, kind, logits_bt,
                                                            read_index, value, temperature, clip, missing_drop,
                                                            probs, rewards);
    return static_cast<int>(cudaGetLastError());
}
