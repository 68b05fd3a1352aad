package dev.weir.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Base64;

/**
 * Entry point: runs one Flink SQL script as one job.
 *
 * <pre>
 *   --script-file PATH   the script, UTF-8
 *   --script BASE64      the script inline, base64 (standard or URL-safe) of its UTF-8 bytes
 *   --name NAME          job name (pipeline.name) unless the script SETs one
 *   --await              wait for the job to end (local runs; never inside /jars/run)
 * </pre>
 *
 * <p>It never calls System.exit: under /jars/{id}/run the main method runs inside the
 * JobManager, and a failure must surface as an exception in the REST answer.
 */
public final class SqlRunner {

    private SqlRunner() {}

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        new ScriptRunner(SqlSplitter.split(options.script), options.name, options.await, System.out).run();
    }

    static final class Options {
        final String script;
        final String name;
        final boolean await;

        private Options(String script, String name, boolean await) {
            this.script = script;
            this.name = name;
            this.await = await;
        }

        static Options parse(String[] args) throws IOException {
            String script = null;
            String name = null;
            boolean await = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--script-file":
                        script = new String(Files.readAllBytes(Paths.get(value(args, ++i, arg))), StandardCharsets.UTF_8);
                        break;
                    case "--script":
                        script = decode(value(args, ++i, arg));
                        break;
                    case "--name":
                        name = value(args, ++i, arg);
                        break;
                    case "--await":
                        await = true;
                        break;
                    default:
                        throw new IllegalArgumentException("unknown argument " + arg + "; " + USAGE);
                }
            }
            if (script == null) throw new IllegalArgumentException("no script given; " + USAGE);
            return new Options(script, name, await);
        }

        private static String value(String[] args, int i, String flag) {
            if (i >= args.length) throw new IllegalArgumentException(flag + " needs a value; " + USAGE);
            return args[i];
        }

        static String decode(String base64) {
            String standard = base64.trim().replace('-', '+').replace('_', '/');
            return new String(Base64.getMimeDecoder().decode(standard), StandardCharsets.UTF_8);
        }

        private static final String USAGE =
                "usage: (--script-file PATH | --script BASE64) [--name JOB_NAME] [--await]";
    }
}
