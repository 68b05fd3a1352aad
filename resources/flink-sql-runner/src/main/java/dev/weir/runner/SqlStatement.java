package dev.weir.runner;

import java.util.Collections;
import java.util.List;

/** One statement of a script: its text (no trailing ';') and the line it starts on. */
public final class SqlStatement {
    private final String sql;
    private final int line;
    private final List<SqlStatement> body;
    private final boolean block;

    private SqlStatement(String sql, int line, List<SqlStatement> body, boolean block) {
        this.sql = sql;
        this.line = line;
        this.body = Collections.unmodifiableList(body);
        this.block = block;
    }

    public SqlStatement(String sql, int line) {
        this(sql, line, Collections.emptyList(), false);
    }

    /** A {@code [EXECUTE | EXPLAIN ...] STATEMENT SET BEGIN ... END} block and its statements. */
    public static SqlStatement block(String sql, int line, List<SqlStatement> body) {
        return new SqlStatement(sql, line, body, true);
    }

    /** The statement as written, comments and hints kept, without the closing ';'. */
    public String sql() {
        return sql;
    }

    /** 1-based line of the statement's first character that is not blank or comment. */
    public int line() {
        return line;
    }

    /** For a {@code ... STATEMENT SET BEGIN ... END} block: the statements inside; else empty. */
    public List<SqlStatement> body() {
        return body;
    }

    public boolean isBlock() {
        return block;
    }

    @Override
    public String toString() {
        return "line " + line + ": " + sql;
    }
}
