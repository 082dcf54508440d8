-- store_packing.sql — what three tables of one row a pair would take as
-- rows of packed lists (issue 11, the store's bytes; docs/history/
-- benchmarks-rounds.md, "Thirty-seventh round: store size"). Run on a COPY
-- of a store (it adds tables):  sqlite3 COPY.db < bench/store_packing.sql
-- Each prototype row holds a zero blob of the length its list would take
-- as varints of differences (SQLite's varint lengths, 7 bits a byte), so
-- the pages are what such rows would fill, written in key order; the
-- recent tables and the rewriting of grown lists are not modelled.
-- Prints bytes an article for each table as it is and as packed.

-- copy_keys: one row a key, its articles as differences and a byte each
-- for the article's number of keys (the full marks, article 0, left out).
CREATE TABLE proto_copy_keys(key INTEGER PRIMARY KEY, ids BLOB NOT NULL);
INSERT INTO proto_copy_keys
  SELECT key, zeroblob(sum(CASE WHEN d < 128 THEN 1 WHEN d < 16384 THEN 2
                               WHEN d < 2097152 THEN 3 ELSE 4 END) + count(*))
  FROM (SELECT key, (article_id >> 5) - coalesce(lag(article_id >> 5)
          OVER (PARTITION BY key ORDER BY article_id), 0) AS d
        FROM copy_keys WHERE article_id > 0)
  GROUP BY key ORDER BY key;

-- line_articles: one row a block of the fingerprint's high 14 of 47 bits,
-- each pair the key's difference from the one before and the article.
CREATE TABLE proto_line_articles(block INTEGER PRIMARY KEY, pairs BLOB NOT NULL);
INSERT INTO proto_line_articles
  SELECT line >> 33, zeroblob(sum(CASE WHEN d < 128 THEN 1 WHEN d < 16384 THEN 2
                                      WHEN d < 2097152 THEN 3 WHEN d < 268435456 THEN 4 ELSE 5 END)
                             + sum(CASE WHEN article_id < 128 THEN 1 WHEN article_id < 16384 THEN 2
                                        ELSE 3 END))
  FROM (SELECT line, article_id, line - coalesce(lag(line)
          OVER (PARTITION BY line >> 33 ORDER BY line, article_id), (line >> 33) << 33) AS d
        FROM line_articles)
  GROUP BY line >> 33 ORDER BY 1;

-- story_terms: one row a term, its stories as differences, each with its
-- 4-byte weight.
CREATE TABLE proto_story_terms(term INTEGER PRIMARY KEY, rows BLOB NOT NULL);
INSERT INTO proto_story_terms
  SELECT term, zeroblob(sum(CASE WHEN d < 128 THEN 1 WHEN d < 16384 THEN 2 ELSE 3 END)
                        + 4 * count(*))
  FROM (SELECT term, story - coalesce(lag(story) OVER (PARTITION BY term ORDER BY story), 0) AS d
        FROM story_terms)
  GROUP BY term ORDER BY term;

SELECT name, printf('%.1f', sum(pgsize) * 1.0 / (SELECT count(*) FROM articles)) FROM dbstat
  WHERE name IN ('copy_keys', 'proto_copy_keys', 'line_articles', 'proto_line_articles',
                 'story_terms', 'proto_story_terms')
  GROUP BY name ORDER BY name;
