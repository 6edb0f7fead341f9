"""The file to hand to spark-submit (it needs a .py file, not the `chronicle` script):

    spark-submit --master spark://HOST:7077 "$(python -c 'import chronicle.spark.submit as m; print(m.__file__)')" \
        hdfs:///news/2024 hdfs:///chronicle/2024

Arguments are those of `chronicle spark INPUT OUTPUT [options]`; the master, executor memory and
Python environment come from spark-submit.
"""
from __future__ import annotations

import sys


def main() -> None:
    from chronicle.cli import app

    app(["spark", *sys.argv[1:]], prog_name="chronicle")


if __name__ == "__main__":
    main()
