"""regiongraph: Russian news about interregional cooperation as an RDF knowledge graph.

The public API: `build(Paths)` runs the whole build; `Paths.at(root, out)` says where the
project is; the errors are in `regiongraph.errors`.
"""

from .build import BuildResult, build, compile_dataset
from .config import Paths
from .errors import DataError, QuerySyntaxError, RegiongraphError, UsageError, ValidationError

__version__ = "0.1.0"

__all__ = [
    "BuildResult", "DataError", "Paths", "QuerySyntaxError", "RegiongraphError", "UsageError",
    "ValidationError", "__version__", "build", "compile_dataset",
]
