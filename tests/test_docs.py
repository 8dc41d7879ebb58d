"""Examples in the README are run, so the documentation cannot drift from the code."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"


def test_readme_plugin_example_runs(tmp_path: Path):
    text = README.read_text(encoding="utf-8")
    block = re.search(r"```python\n(# framing_exclaim\.py\n.*?)```", text, re.S)
    assert block, "README lost its plugin example"
    (tmp_path / "framing_exclaim.py").write_text(block.group(1))
    article = tmp_path / "a.txt"
    article.write_text("Shock!\n\nThe town was hit! Officials said nothing. Then again!\n")
    exe = str(Path(sys.executable).with_name("framing"))
    result = subprocess.run(
        [exe, "compare", str(article), "-p", "framing_exclaim", "-f", "csv", "--only", "exclaim"],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    header, row = result.stdout.splitlines()[:2]
    value = float(row.split(",")[header.split(",").index("exclaim.exclamations")])
    assert value == round(1000 * 2 / 9, 7)  # two '!' in the body's 9 words; not the headline's


def test_readme_commands_name_real_paths():
    text = README.read_text(encoding="utf-8")
    assert "framing compare corpora/examples/" in text
    assert (README.parent / "corpora" / "examples").is_dir()


def test_readme_first_screen_is_what_compare_prints():
    """The README's sample of the first screen is real output: when an analyzer's numbers move,
    paste the new output of the command it names in place of the old."""
    text = README.read_text(encoding="utf-8")
    command = ("COLUMNS=120 framing compare corpora/examples/wire_neutral.txt "
               "corpora/examples/ostrel_outlet.txt")
    sample = text.split(f"`{command}`:\n\n```\n", 1)[1].split("```\n", 1)[0]
    printed = subprocess.run(
        [str(Path(sys.executable).with_name("framing")), *command.split()[2:]], capture_output=True,
        cwd=README.parent, env={**os.environ, "COLUMNS": "120"}, timeout=300, text=True)
    assert printed.returncode == 0, printed.stderr
    assert printed.stdout == sample
