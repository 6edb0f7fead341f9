"""Chronicle on Apache Spark: the same analysis, for corpora beyond one machine.

``chronicle spark INPUT OUTPUT`` (commands.py) runs job.run: readers from chronicle.read on the
bytes Spark hands out (io.py), copy detection over the whole corpus as Spark steps (dedup.py),
chronicle's Pipeline in mapPartitions with the store's own row writer (rows.py), and one Parquet
folder per table. ``chronicle.spark.load.load_parquet`` loads the result into SQLite/PostgreSQL.
PySpark is imported only inside functions: importing this package does not need it.
"""
