package dev.weir.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlSplitterTest {

    private static List<String> texts(String script) {
        List<String> out = new ArrayList<>();
        for (SqlStatement st : SqlSplitter.split(script)) out.add(st.sql());
        return out;
    }

    @Test
    void splitsAtTopLevelSemicolons() {
        assertEquals(Arrays.asList("SELECT 1", "SELECT 2"), texts("SELECT 1; SELECT 2;"));
        assertEquals(Arrays.asList("SELECT 1", "SELECT 2"), texts("SELECT 1;\n\nSELECT 2"));
        assertEquals(Arrays.asList(), texts("  ;; \n ;"));
    }

    @Test
    void keepsSemicolonsInStringsAndQuotedIdentifiers() {
        assertEquals(
                Arrays.asList("SELECT 'a;b', 'it''s; fine' FROM `we;ird`", "SELECT \"x;y\""),
                texts("SELECT 'a;b', 'it''s; fine' FROM `we;ird`; SELECT \"x;y\";"));
        assertEquals(Arrays.asList("SELECT `a``;b` FROM t"), texts("SELECT `a``;b` FROM t;"));
    }

    @Test
    void keepsSemicolonsInCommentsAndKeepsHints() {
        String script =
                "-- setup; not a statement\n"
                        + "CREATE TABLE t (id INT) /* a; b */ WITH ('connector' = 'datagen');\n"
                        + "INSERT INTO s SELECT /*+ OPTIONS('x'='1;2') */ id FROM t; -- trailing; comment\n"
                        + "/* only a comment; */";
        List<SqlStatement> statements = SqlSplitter.split(script);
        assertEquals(2, statements.size());
        assertEquals("CREATE TABLE t (id INT) /* a; b */ WITH ('connector' = 'datagen')", statements.get(0).sql());
        assertEquals(2, statements.get(0).line());
        assertEquals("INSERT INTO s SELECT /*+ OPTIONS('x'='1;2') */ id FROM t", statements.get(1).sql());
        assertEquals(3, statements.get(1).line());
    }

    @Test
    void quoteInsideLineCommentDoesNotOpenALiteral() {
        assertEquals(Arrays.asList("SELECT 1", "SELECT 2"), texts("SELECT 1; -- don't\nSELECT 2;"));
    }

    @Test
    void executeStatementSetIsOneStatementWithItsInserts() {
        String script =
                "SET 'pipeline.name' = 'two sinks';\n"
                        + "EXECUTE STATEMENT SET\nBEGIN\n"
                        + "  INSERT INTO a SELECT CASE WHEN x > 0 THEN 1 END FROM src;\n"
                        + "  INSERT INTO b SELECT 'end;' FROM src;\n"
                        + "END;\n"
                        + "SHOW TABLES;";
        List<SqlStatement> statements = SqlSplitter.split(script);
        assertEquals(3, statements.size());
        SqlStatement block = statements.get(1);
        assertTrue(block.isBlock());
        assertEquals(2, block.line());
        assertTrue(block.sql().startsWith("EXECUTE STATEMENT SET"));
        assertTrue(block.sql().endsWith("END"));
        assertEquals(2, block.body().size());
        assertEquals("INSERT INTO a SELECT CASE WHEN x > 0 THEN 1 END FROM src", block.body().get(0).sql());
        assertEquals(4, block.body().get(0).line());
        assertEquals("INSERT INTO b SELECT 'end;' FROM src", block.body().get(1).sql());
        assertEquals("SHOW TABLES", statements.get(2).sql());
    }

    @Test
    void firstInsertMayShareTheLineOfBegin() {
        List<SqlStatement> statements =
                SqlSplitter.split("execute statement set begin insert into a values (1); insert into b values (2); end");
        assertEquals(1, statements.size());
        assertEquals(
                Arrays.asList("insert into a values (1)", "insert into b values (2)"),
                Arrays.asList(statements.get(0).body().get(0).sql(), statements.get(0).body().get(1).sql()));
    }

    @Test
    void explainStatementSetIsABlockToo() {
        List<SqlStatement> statements =
                SqlSplitter.split("EXPLAIN CHANGELOG_MODE, ESTIMATED_COST STATEMENT SET BEGIN INSERT INTO a VALUES (1); END;");
        assertEquals(1, statements.size());
        assertTrue(statements.get(0).isBlock());
    }

    @Test
    void sqlClientStatementSetStaysSeparateStatements() {
        List<String> texts = texts("BEGIN STATEMENT SET;\nINSERT INTO a VALUES (1);\nINSERT INTO b VALUES (2);\nEND;");
        assertEquals(Arrays.asList("BEGIN STATEMENT SET", "INSERT INTO a VALUES (1)", "INSERT INTO b VALUES (2)", "END"), texts);
        assertFalse(SqlSplitter.split("BEGIN STATEMENT SET;").get(0).isBlock());
    }

    @Test
    void reportsUnclosedConstructsWithTheirLine() {
        SqlSplitException literal = assertThrows(SqlSplitException.class, () -> SqlSplitter.split("SELECT 1;\nSELECT 'oops;"));
        assertEquals(2, literal.line());
        assertThrows(SqlSplitException.class, () -> SqlSplitter.split("SELECT /* never closed"));
        assertThrows(SqlSplitException.class, () -> SqlSplitter.split("SELECT `x"));
        SqlSplitException block =
                assertThrows(SqlSplitException.class, () -> SqlSplitter.split("\nEXECUTE STATEMENT SET BEGIN INSERT INTO a VALUES (1);"));
        assertEquals(2, block.line());
    }

    @Test
    void leadingKeywordsSkipComments() {
        assertEquals(Arrays.asList("SET"), SqlSplitter.keywords("/* c */ -- x\n SET 'a' = 'b'", 3));
        assertEquals(Arrays.asList("INSERT", "INTO", "T"), SqlSplitter.keywords("insert into t select 1", 3));
    }

    @Test
    void parsesSetAndReset() {
        assertEquals(
                Arrays.asList("pipeline.name", "it's"),
                Arrays.asList(ScriptRunner.parseSet(new SqlStatement("SET 'pipeline.name' = 'it''s'", 1))));
        assertEquals(
                Arrays.asList("parallelism.default", "2"),
                Arrays.asList(ScriptRunner.parseSet(new SqlStatement("set parallelism.default=2", 1))));
        assertEquals("a.b", ScriptRunner.parseReset(new SqlStatement("RESET 'a.b'", 1)));
        assertEquals(null, ScriptRunner.parseReset(new SqlStatement("RESET", 1)));
    }

    @Test
    void decodesStandardAndUrlSafeBase64() {
        String script = "SELECT '→ü?>';";
        byte[] bytes = script.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(script, SqlRunner.Options.decode(java.util.Base64.getEncoder().encodeToString(bytes)));
        assertEquals(script, SqlRunner.Options.decode(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)));
    }
}
