package dev.weir.differential;

import org.apache.calcite.config.Lex;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.flink.sql.parser.impl.FlinkSqlParserImpl;
import org.apache.flink.sql.parser.validate.FlinkSqlConformance;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Answers "does Flink 1.20 accept this statement?" for Weir's differential test.
 *
 * <p>Reads JSON lines {"id": "...", "sql": "..."} on stdin and writes one JSON line
 * {"id": "...", "accepted": true|false, "error": "..."} per statement on stdout, in order.
 * One JVM serves the whole run: starting Calcite costs seconds, a parse costs microseconds.
 *
 * <p>The verdict follows the path a statement takes through the 1.20 SQL client:
 * <ol>
 *   <li>the client runs QUIT / EXIT / CLEAR / HELP itself when the first word is one of them
 *       (SqlCommandParserImpl#getCommand);</li>
 *   <li>the planner's ExtendedParser matches SET / RESET / CLEAR / HELP / QUIT / EXIT with
 *       regular expressions before Calcite (so `SET a.b = c` works unquoted);</li>
 *   <li>everything else goes to CalciteParser#parse: FlinkSqlParserImpl with the config built
 *       by PlannerContext#getSqlParserConfig for the default dialect.</li>
 * </ol>
 * The client strips the terminating ';' before the statement reaches the parser.
 */
public final class FlinkParserTool {

    /** Same flags as AbstractRegexParseStrategy.DEFAULT_PATTERN_FLAGS (34). */
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;

    /** ExtendedParser's strategies in 1.20, matched against the trimmed statement. */
    private static final List<Pattern> EXTENDED =
            List.of(
                    Pattern.compile("CLEAR\\s*;?", FLAGS),
                    Pattern.compile("HELP\\s*;?", FLAGS),
                    Pattern.compile("(EXIT|QUIT)\\s*;?", FLAGS),
                    Pattern.compile("RESET(\\s+(?<key>[^'\\s]+)\\s*)?\\s*;?", FLAGS),
                    Pattern.compile(
                            "SET(\\s+(?<key>[^'\\s]+)\\s*=\\s*('(?<quotedVal>[^']*)'|(?<val>[^;\\s]+)))?\\s*;?",
                            FLAGS));

    /** The first token is an identifier the client treats as its own command. */
    private static final Pattern CLIENT_COMMAND =
            Pattern.compile("(QUIT|EXIT|CLEAR|HELP)(?![A-Za-z0-9_$]).*", FLAGS);

    private static final SqlParser.Config CONFIG =
            SqlParser.config()
                    .withParserFactory(FlinkSqlParserImpl.FACTORY)
                    .withConformance(FlinkSqlConformance.DEFAULT)
                    .withLex(Lex.JAVA)
                    .withIdentifierMaxLength(256);

    private FlinkParserTool() {}

    public static void main(String[] args) throws Exception {
        // A deep statement must overflow this thread's stack, not the JVM: 512 MB of stack
        // lets JavaCC recurse as far as Flink's own SQL client would on a default JVM and more.
        Thread worker = new Thread(null, FlinkParserTool::serve, "flink-parser", 512L << 20);
        worker.start();
        worker.join();
    }

    private static void serve() {
        try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                BufferedWriter out =
                        new BufferedWriter(
                                new OutputStreamWriter(System.out, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) continue;
                String id = "";
                StringBuilder answer = new StringBuilder(128);
                try {
                    Map<String, String> request = Json.parseFlatObject(line);
                    id = request.getOrDefault("id", "");
                    String error = judge(request.getOrDefault("sql", ""));
                    answer.append("{\"id\":").append(Json.quote(id));
                    answer.append(",\"accepted\":").append(error == null);
                    if (error != null) answer.append(",\"error\":").append(Json.quote(error));
                    answer.append('}');
                } catch (RuntimeException e) {
                    answer.setLength(0);
                    answer.append("{\"id\":").append(Json.quote(id));
                    answer.append(",\"accepted\":false,\"error\":")
                            .append(Json.quote("bad request: " + firstLine(e.toString())));
                    answer.append(",\"bad\":true}");
                }
                out.write(answer.toString());
                out.write('\n');
                // flush when the caller has sent no more: batches stream without a flush per line
                if (!in.ready()) out.flush();
            }
            out.flush();
        } catch (IOException e) {
            System.err.println("flink-parser-tool: " + e);
            System.exit(2);
        }
    }

    /** Null when Flink accepts the statement, else the first line of its error. */
    static String judge(String sql) {
        String statement = sql.trim();
        if (statement.endsWith(";")) {
            statement = statement.substring(0, statement.length() - 1).trim();
        }
        if (statement.isEmpty()) return "empty statement";
        if (CLIENT_COMMAND.matcher(statement).matches()) return null;
        for (Pattern p : EXTENDED) {
            if (p.matcher(statement).matches()) return null;
        }
        try {
            SqlParser.create(statement, CONFIG).parseStmt();
            return null;
        } catch (StackOverflowError e) {
            return "StackOverflowError";
        } catch (Throwable e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            return firstLine(message);
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    /** Just enough JSON for flat objects of strings (the request) and quoting (the answer). */
    static final class Json {
        private Json() {}

        static Map<String, String> parseFlatObject(String text) {
            Map<String, String> out = new HashMap<>();
            int[] pos = {skip(text, 0)};
            expect(text, pos, '{');
            pos[0] = skip(text, pos[0]);
            if (peek(text, pos) == '}') return out;
            while (true) {
                pos[0] = skip(text, pos[0]);
                String key = readString(text, pos);
                pos[0] = skip(text, pos[0]);
                expect(text, pos, ':');
                pos[0] = skip(text, pos[0]);
                String value = readValue(text, pos);
                out.put(key, value);
                pos[0] = skip(text, pos[0]);
                char c = peek(text, pos);
                pos[0]++;
                if (c == '}') return out;
                if (c != ',') throw new IllegalArgumentException("expected , or } at " + (pos[0] - 1));
            }
        }

        private static String readValue(String text, int[] pos) {
            if (peek(text, pos) == '"') return readString(text, pos);
            // numbers, true/false/null: kept as their text
            int start = pos[0];
            while (pos[0] < text.length() && ",} \t".indexOf(text.charAt(pos[0])) < 0) pos[0]++;
            return text.substring(start, pos[0]);
        }

        private static String readString(String text, int[] pos) {
            expect(text, pos, '"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (pos[0] >= text.length()) throw new IllegalArgumentException("unterminated string");
                char c = text.charAt(pos[0]++);
                if (c == '"') return sb.toString();
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                char e = text.charAt(pos[0]++);
                switch (e) {
                    case 'n': sb.append('\n'); break;
                    case 'r': sb.append('\r'); break;
                    case 't': sb.append('\t'); break;
                    case 'b': sb.append('\b'); break;
                    case 'f': sb.append('\f'); break;
                    case 'u':
                        sb.append((char) Integer.parseInt(text.substring(pos[0], pos[0] + 4), 16));
                        pos[0] += 4;
                        break;
                    default: sb.append(e); // \" \\ \/
                }
            }
        }

        private static char peek(String text, int[] pos) {
            if (pos[0] >= text.length()) throw new IllegalArgumentException("unexpected end of JSON");
            return text.charAt(pos[0]);
        }

        private static void expect(String text, int[] pos, char c) {
            if (peek(text, pos) != c) throw new IllegalArgumentException("expected " + c + " at " + pos[0]);
            pos[0]++;
        }

        private static int skip(String text, int i) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) i++;
            return i;
        }

        static String quote(String s) {
            StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"': sb.append("\\\""); break;
                    case '\\': sb.append("\\\\"); break;
                    case '\n': sb.append("\\n"); break;
                    case '\r': sb.append("\\r"); break;
                    case '\t': sb.append("\\t"); break;
                    default:
                        if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                        else sb.append(c);
                }
            }
            return sb.append('"').toString();
        }
    }
}
