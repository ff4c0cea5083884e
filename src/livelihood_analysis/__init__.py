"""livelihood-analysis: figures from Chinese city livelihood-project reports, traceable and comparable.

The modules read as the pipeline: ``sources`` → ``cleaning`` → ``segmentation``
→ ``extraction`` → ``harmonisation`` → ``indicators`` → ``plots``;
``pipeline`` runs them all and ``cli`` is the command line.
"""

__version__ = "0.1.0"
