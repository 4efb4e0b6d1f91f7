"""Drops what a notebook kernel displays while it loads packages (progress, the machine's folders); keeps the results.

    python3 docs/notebooks/tidy.py NOTEBOOK.ipynb [...]
"""
import json
import sys

for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        notebook = json.load(f)
    for cell in notebook["cells"]:
        if cell.get("cell_type") == "code":
            cell["outputs"] = [o for o in cell.get("outputs", [])
                               if not any(m in json.dumps(o) for m in ("Installing Packages", "Restore sources", "Loading extensions from"))]
    with open(path, "w", encoding="utf-8") as f:
        json.dump(notebook, f, indent=1, ensure_ascii=False)
        f.write("\n")
