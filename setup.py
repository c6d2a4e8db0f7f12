"""Build hook: compiles the native kernels (CMakeLists.txt) into the ``rubricc.kernels`` package.

Metadata lives in setup.cfg. When cmake and a C++ compiler are found, the shared library is built and
placed next to ``rubricc/kernels/ops.py`` (inside the wheel, or in ``kernels/`` for editable installs and
``python setup.py build_ext --inplace``). Without them, or if the build fails, the step is skipped with
one line and the NumPy twin is used at run time. ``RUBRICC_NO_NATIVE=1`` skips it on purpose;
``RUBRICC_CMAKE_ARGS`` adds configure arguments (e.g. ``-DCMAKE_CXX_COMPILER=clang++``).
"""
import os
import shlex
import shutil
import subprocess
import sys
import tempfile

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = os.path.dirname(os.path.abspath(__file__))
LIB_NAME = {"darwin": "librubricc_kernels.dylib", "win32": "rubricc_kernels.dll"}.get(sys.platform, "librubricc_kernels.so")


def _have_compiler() -> bool:
    cxx = os.environ.get("CXX")
    if cxx:
        return shutil.which(shlex.split(cxx)[0]) is not None
    return any(shutil.which(c) for c in ("c++", "g++", "clang++", "cl"))


class CMakeBuild(build_ext):
    def run(self):
        for ext in self.extensions:
            self.build_cmake(ext)

    def build_cmake(self, ext):
        if os.environ.get("RUBRICC_NO_NATIVE", "").strip() in ("1", "true", "yes"):
            print("rubricc: RUBRICC_NO_NATIVE set; skipping the native kernels (NumPy twin will be used)")
            return
        cmake = shutil.which("cmake")
        if not cmake or not _have_compiler():
            print("rubricc: cmake or a C++ compiler not found; skipping the native kernels (NumPy twin will be used)")
            return
        dest = os.path.abspath(self.get_ext_fullpath(ext.name))
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="rubricc-cmake-") as build_dir:
            out_dir = os.path.join(build_dir, "out")
            cfg = [cmake, "-S", HERE, "-B", build_dir, "-DCMAKE_BUILD_TYPE=Release", "-DRUBRICC_TESTS=OFF",
                   f"-DRUBRICC_OUTPUT_DIR={out_dir}", *shlex.split(os.environ.get("RUBRICC_CMAKE_ARGS", ""))]
            try:
                subprocess.run(cfg, check=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
                subprocess.run([cmake, "--build", build_dir, "--config", "Release", "--target", "rubricc_kernels"],
                               check=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            except subprocess.CalledProcessError as e:
                tail = e.stdout.decode(errors="replace").strip().splitlines()[-1:] if e.stdout else []
                print(f"rubricc: native kernel build failed ({' '.join(tail)}); the NumPy twin will be used")
                return
            built = os.path.join(out_dir, LIB_NAME)
            if not os.path.exists(built):
                print("rubricc: native kernel library not produced; the NumPy twin will be used")
                return
            shutil.copyfile(built, dest)
            print(f"rubricc: native kernels -> {dest}")

    def get_outputs(self):
        return [p for p in super().get_outputs() if os.path.exists(p)]


setup(
    ext_modules=[Extension("rubricc.kernels._rubricc_kernels", sources=[])],
    cmdclass={"build_ext": CMakeBuild},
)
