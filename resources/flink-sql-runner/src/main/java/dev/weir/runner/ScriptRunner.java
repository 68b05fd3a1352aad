package dev.weir.runner;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.ResultKind;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.internal.TableEnvironmentInternal;
import org.apache.flink.table.operations.ModifyOperation;
import org.apache.flink.table.operations.Operation;
import org.apache.flink.table.operations.QueryOperation;
import org.apache.flink.table.operations.StatementSetOperation;

/**
 * Runs split statements in order on one TableEnvironment. Every INSERT (and CREATE TABLE AS)
 * of the script, inside a statement set or not, is gathered into one statement set that is
 * submitted at the end, so a script is exactly one Flink job (what /jars/run allows).
 */
final class ScriptRunner {

    private static final Pattern SET =
            Pattern.compile("(?is)SET\\s+('(?:[^']|'')*'|[^\\s=]+)\\s*=\\s*('(?:[^']|'')*'|.*?)\\s*");
    private static final Pattern RESET = Pattern.compile("(?is)RESET(?:\\s+('(?:[^']|'')*'|\\S+))?\\s*");

    private final List<SqlStatement> statements;
    private final String jobName;
    private final boolean await;
    private final PrintStream out;

    ScriptRunner(List<SqlStatement> statements, String jobName, boolean await, PrintStream out) {
        this.statements = statements;
        this.jobName = jobName;
        this.await = await;
        this.out = out;
    }

    void run() throws Exception {
        // SETs before the first other statement configure the environment itself: some options
        // (execution.runtime-mode above all) only count when the TableEnvironment is created.
        Map<String, String> initial = new HashMap<>();
        int i = 0;
        for (; i < statements.size(); i++) {
            SqlStatement st = statements.get(i);
            String first = firstKeyword(st);
            if (first.equals("SET") && !st.sql().trim().equalsIgnoreCase("SET")) {
                String[] kv = parseSet(st);
                initial.put(kv[0], kv[1]);
            } else if (first.equals("RESET")) {
                String key = parseReset(st);
                if (key == null) initial.clear();
                else initial.remove(key);
            } else {
                break;
            }
        }
        if (jobName != null) initial.putIfAbsent("pipeline.name", jobName);
        log("%d statement(s); environment options: %s", statements.size(), initial);

        TableEnvironment env =
                TableEnvironment.create(
                        EnvironmentSettings.newInstance().withConfiguration(Configuration.fromMap(initial)).build());
        TableEnvironmentInternal internal = (TableEnvironmentInternal) env;

        List<ModifyOperation> dml = new ArrayList<>();
        int openSetLine = -1;
        for (; i < statements.size(); i++) {
            SqlStatement st = statements.get(i);
            String first = firstKeyword(st);
            try {
                if (isBeginStatementSet(st)) {
                    if (openSetLine >= 0) throw fail(st, "a statement set is already open (BEGIN at line " + openSetLine + ")");
                    openSetLine = st.line();
                } else if (first.equals("END") && SqlSplitter.keywords(st.sql(), 2).size() == 1) {
                    if (openSetLine < 0) throw fail(st, "END without BEGIN STATEMENT SET");
                    openSetLine = -1;
                } else if (openSetLine >= 0) {
                    // Like the SQL client: only DML between BEGIN STATEMENT SET and END.
                    dml.addAll(modifyOperations(internal, st, true));
                } else if (first.equals("SET")) {
                    set(env, st);
                } else if (first.equals("RESET")) {
                    reset(env, st, initial);
                } else if (st.isBlock() && first.equals("EXPLAIN")) {
                    env.executeSql(st.sql()).print();
                } else if (st.isBlock()) {
                    for (SqlStatement inner : st.body()) dml.addAll(modifyOperations(internal, inner, true));
                } else {
                    Operation op = parse(internal, st);
                    if (op instanceof ModifyOperation || op instanceof StatementSetOperation) {
                        dml.addAll(modifyOperations(internal, st, false));
                    } else if (op instanceof QueryOperation) {
                        throw fail(
                                st,
                                "a SELECT's rows have nowhere to go in a deployed script; "
                                        + "write them with INSERT INTO a sink table (the 'print' connector logs them)");
                    } else {
                        TableResult result = internal.executeInternal(op);
                        if (result.getResultKind() == ResultKind.SUCCESS_WITH_CONTENT) result.print();
                    }
                }
            } catch (ScriptException e) {
                throw e;
            } catch (Exception e) {
                throw new ScriptException(where(st) + ": " + e.getMessage(), e);
            }
        }
        if (openSetLine >= 0) {
            throw new ScriptException("BEGIN STATEMENT SET at line " + openSetLine + " has no END", null);
        }
        if (dml.isEmpty()) {
            log("the script has no INSERT: nothing to submit");
            return;
        }
        log("submitting %d INSERT(s) as one job", dml.size());
        TableResult result = internal.executeInternal(dml);
        if (result.getJobClient().isPresent()) log("submitted job %s", result.getJobClient().get().getJobID());
        if (await) {
            result.await();
            log("job finished");
        }
    }

    private List<ModifyOperation> modifyOperations(TableEnvironmentInternal env, SqlStatement st, boolean inSet) {
        Operation op = parse(env, st);
        List<ModifyOperation> ops = new ArrayList<>();
        if (op instanceof ModifyOperation) {
            ops.add((ModifyOperation) op);
        } else if (op instanceof StatementSetOperation) {
            ops.addAll(((StatementSetOperation) op).getOperations());
        } else if (inSet) {
            throw fail(st, "only INSERT and CREATE TABLE ... AS SELECT may stand in a statement set");
        } else {
            throw fail(st, "not an INSERT");
        }
        return ops;
    }

    private static Operation parse(TableEnvironmentInternal env, SqlStatement st) {
        List<Operation> ops = env.getParser().parse(st.sql());
        if (ops.size() != 1) throw fail(st, "expected one statement, found " + ops.size());
        return ops.get(0);
    }

    private void set(TableEnvironment env, SqlStatement st) {
        if (st.sql().trim().equalsIgnoreCase("SET")) {
            env.getConfig().getConfiguration().toMap().forEach((k, v) -> log("  %s = %s", k, v));
            return;
        }
        String[] kv = parseSet(st);
        env.getConfig().set(kv[0], kv[1]);
    }

    private void reset(TableEnvironment env, SqlStatement st, Map<String, String> initial) {
        Configuration conf = env.getConfig().getConfiguration();
        String key = parseReset(st);
        List<String> keys = new ArrayList<>();
        if (key == null) keys.addAll(conf.keySet());
        else keys.add(key);
        for (String k : keys) {
            if (initial.containsKey(k)) conf.setString(k, initial.get(k));
            else conf.removeKey(k);
        }
    }

    static String[] parseSet(SqlStatement st) {
        Matcher m = SET.matcher(st.sql().substring(Math.max(0, SqlSplitter.firstMeaningful(st.sql()))));
        if (!m.matches()) throw fail(st, "expected SET 'key' = 'value'");
        return new String[] {unquote(m.group(1)), unquote(m.group(2))};
    }

    /** The key of RESET 'key', or null for a bare RESET (all keys). */
    static String parseReset(SqlStatement st) {
        Matcher m = RESET.matcher(st.sql().substring(Math.max(0, SqlSplitter.firstMeaningful(st.sql()))));
        if (!m.matches()) throw fail(st, "expected RESET or RESET 'key'");
        return m.group(1) == null ? null : unquote(m.group(1));
    }

    private static String unquote(String s) {
        String t = s.trim();
        if (t.length() >= 2 && t.startsWith("'") && t.endsWith("'")) {
            return t.substring(1, t.length() - 1).replace("''", "'");
        }
        return t;
    }

    private static boolean isBeginStatementSet(SqlStatement st) {
        List<String> k = SqlSplitter.keywords(st.sql(), 4);
        return k.size() == 3 && k.get(0).equals("BEGIN") && k.get(1).equals("STATEMENT") && k.get(2).equals("SET");
    }

    private static String firstKeyword(SqlStatement st) {
        List<String> k = SqlSplitter.keywords(st.sql(), 1);
        return k.isEmpty() ? "" : k.get(0);
    }

    private static String where(SqlStatement st) {
        String firstLine = st.sql().split("\n", 2)[0];
        if (firstLine.length() > 80) firstLine = firstLine.substring(0, 77) + "...";
        return "statement at line " + st.line() + " (" + firstLine + ")";
    }

    private static ScriptException fail(SqlStatement st, String message) {
        return new ScriptException(where(st) + ": " + message, null);
    }

    private void log(String format, Object... args) {
        out.println("[weir-sql-runner] " + String.format(format, args));
    }

    /** A script error, with the line of the statement that caused it. */
    static final class ScriptException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ScriptException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
