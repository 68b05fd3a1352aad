package dev.weir.runner;

/** The script cannot be cut into statements (an unclosed literal, comment or statement set). */
public final class SqlSplitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int line;

    public SqlSplitException(String message, int line) {
        super(message);
        this.line = line;
    }

    /** 1-based line where the unclosed construct starts. */
    public int line() {
        return line;
    }
}
