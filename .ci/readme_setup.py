"""Print the README's set-up block: the first ``sh`` fence under the "Set-up" heading.

CI runs these lines verbatim; failing to find them is an error, never a silent skip.
"""

import re
import sys

text = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r"^#+ *(set-?up|install|quick ?start)[^\n]*\n(.*?)^```[a-z]*\n(.*?)^```", text, re.I | re.M | re.S)
if not m or not m.group(3).strip():
    sys.exit("README.md has no set-up block under a 'Set-up' heading")
print(m.group(3).strip())
