"""rubricc.compiler: import, generate, refine, atomize, dedupe and lower rubrics."""
