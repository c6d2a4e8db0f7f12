// ctest checks of the native kernels on hand-computed cases (the NumPy-twin equality is in pytest).
#include "../rubricc_kernels.h"

#include <cmath>
#include <cstdio>
#include <vector>

static int failures = 0;
#define CHECK(cond)                                                           \
    do {                                                                      \
        if (!(cond)) {                                                        \
            std::fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
            ++failures;                                                       \
        }                                                                     \
    } while (0)

static void test_pack() {
    // two sequences: ctx [101 7 102 8 102] + crits [101 5 102], [101 6 6 102]; ctx [101 9 102 102] + [101 4 102]
    std::vector<int64_t> ctx = {101, 7, 102, 8, 102, 101, 9, 102, 102};
    std::vector<int64_t> ctx_off = {0, 5, 9};
    std::vector<int64_t> crit = {101, 5, 102, 101, 6, 6, 102, 101, 4, 102};
    std::vector<int64_t> crit_off = {0, 3, 7, 10};
    std::vector<int64_t> seq_off = {0, 2, 3};
    const int64_t T = 13;
    std::vector<int64_t> ids(2 * T), seg(2 * T), pos(2 * T), read(3);
    int64_t m = rk_pack_fused(2, ctx.data(), ctx_off.data(), crit.data(), crit_off.data(), seq_off.data(), 0, T,
                              ids.data(), seg.data(), pos.data(), read.data());
    CHECK(m == 3);
    CHECK(read[0] == 5 && read[1] == 8 && read[2] == T + 4);
    CHECK(seg[4] == 0 && seg[5] == 1 && seg[8] == 2 && seg[11] == 2 && seg[12] == -1);
    CHECK(pos[5] == 5 && pos[7] == 7 && pos[8] == 5 && pos[11] == 8);
    CHECK(ids[T + 6] == 102 && ids[T + 7] == 0 && seg[T + 7] == -1 && pos[T + 7] == 0);
    // too long for T
    CHECK(rk_pack_fused(2, ctx.data(), ctx_off.data(), crit.data(), crit_off.data(), seq_off.data(), 0, 8,
                        ids.data(), seg.data(), pos.data(), read.data()) == RK_ELONG);
}

static void test_split_bucket() {
    std::vector<int64_t> lens = {10, 10, 10, 30, 5};
    std::vector<int64_t> chunk(5);
    CHECK(rk_split_criteria(5, lens.data(), 50, 80, chunk.data()) == 3);
    CHECK(chunk[0] == 0 && chunk[2] == 0 && chunk[3] == 1 && chunk[4] == 2);
    std::vector<int64_t> L = {5, 9, 9, 2, 7}, order(5), starts(6);
    int64_t nb = rk_bucket(5, L.data(), 20, 8, order.data(), starts.data());
    // sorted 9(1) 9(2) 7(4) 5(0) 2(3): [9,9] (2*9=18<=20), [7,5] (2*7=14, 3*7=21>20), [2]
    CHECK(nb == 3);
    CHECK(order[0] == 1 && order[1] == 2 && order[2] == 4 && order[3] == 0 && order[4] == 3);
    CHECK(starts[0] == 0 && starts[1] == 2 && starts[2] == 4 && starts[3] == 5);
}

static void test_aggregate() {
    // response 0: neural logit 0 (p .5) w 2, program yes w 1, neural w -1 logit +inf-ish; response 1: only w<0
    std::vector<int64_t> counts = {3, 1};
    std::vector<int64_t> w = {2, 1, -1, -3};
    std::vector<int8_t> kind = {0, 1, 0, 0};
    std::vector<float> logits = {0.0f, 0.0f, 40.0f, 1.0f};
    std::vector<double> value = {0, 1.0, 0, 0};
    std::vector<double> probs(4), rewards(2);
    CHECK(rk_aggregate(2, counts.data(), w.data(), kind.data(), logits.data(), value.data(), 1.0, 1, 0,
                       probs.data(), rewards.data()) == 2);
    CHECK(probs[0] == 0.5 && probs[1] == 1.0);
    const double expect = (2 * 0.5 + 1.0 - probs[2]) / 3.0;
    CHECK(std::fabs(rewards[0] - expect) < 1e-15);
    CHECK(std::isnan(rewards[1]));
    // clipping to 0, a missing verdict counted as not met, then dropped (no positive weight left)
    std::vector<int64_t> c1 = {2};
    std::vector<int64_t> w1 = {1, -5};
    std::vector<int8_t> k1 = {2, 1};
    std::vector<double> v1 = {0, 1.0};
    std::vector<float> l1 = {0, 0};
    std::vector<double> p1(2), r1(1);
    rk_aggregate(1, c1.data(), w1.data(), k1.data(), l1.data(), v1.data(), 2.0, 1, 0, p1.data(), r1.data());
    CHECK(r1[0] == 0.0 && std::isnan(p1[0]));
    rk_aggregate(1, c1.data(), w1.data(), k1.data(), l1.data(), v1.data(), 2.0, 0, 0, p1.data(), r1.data());
    CHECK(r1[0] == -5.0);
    rk_aggregate(1, c1.data(), w1.data(), k1.data(), l1.data(), v1.data(), 2.0, 0, 1, p1.data(), r1.data());
    CHECK(std::isnan(r1[0]));
    CHECK(rk_aggregate(1, c1.data(), w1.data(), k1.data(), l1.data(), v1.data(), 0.0, 0, 1, p1.data(), r1.data()) ==
          RK_EARG);
}

static void test_temperature() {
    // calibrated probabilities against the formula written out, at temperatures on both sides of 1
    // (a kernel that multiplied by the temperature instead of dividing would pass at T = 1 only)
    std::vector<int64_t> counts = {5};
    std::vector<int64_t> w = {1, 1, 1, 1, 1};
    std::vector<int8_t> kind = {0, 0, 0, 0, 0};
    std::vector<float> logits = {-3.0f, -0.5f, 0.0f, 0.7f, 2.0f};
    std::vector<double> value(5, 0.0), probs(5), rewards(1);
    for (double T : {2.5, 0.4}) {
        CHECK(rk_aggregate(1, counts.data(), w.data(), kind.data(), logits.data(), value.data(), T, 1, 0,
                           probs.data(), rewards.data()) == 1);
        double sum = 0.0;
        for (int i = 0; i < 5; ++i) {
            const double expect = 1.0 / (1.0 + std::exp(-static_cast<double>(logits[i]) / T));
            CHECK(std::fabs(probs[i] - expect) <= 1e-15);
            sum += expect;
        }
        CHECK(std::fabs(rewards[0] - sum / 5.0) <= 1e-15);
    }
}

int main() {
    CHECK(rk_abi_version() == RK_ABI_VERSION);
    test_pack();
    test_split_bucket();
    test_aggregate();
    test_temperature();
    if (failures) {
        std::fprintf(stderr, "%d check(s) failed\n", failures);
        return 1;
    }
    std::printf("all kernel checks passed\n");
    return 0;
}
