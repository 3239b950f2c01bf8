package io.backbench.itests;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;

import org.osgi.framework.ServiceReference;

/**
 * Runs a command through the {@code io.backbench.cli.api.CommandLine} service the way the launcher
 * does: found by objectClass name and called reflectively, so this test checks that contract too.
 */
final class CommandLineClient {

    static final String COMMAND_LINE = "io.backbench.cli.api.CommandLine";

    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private CommandLineClient() {
    }

    static Result run(String... args) {
        Object service = Framework.serviceByName(COMMAND_LINE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            ServiceReference<?> ref = Framework.context().getServiceReference(COMMAND_LINE);
            Class<?> api = ref.getBundle().loadClass(COMMAND_LINE);
            Method run = api.getMethod("run", String[].class, PrintStream.class, PrintStream.class);
            int code = (Integer) run.invoke(service, args, o, e);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (InvocationTargetException e) {
            throw new AssertionError("the command " + String.join(" ", args) + " threw", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("the CommandLine service does not have run(String[], PrintStream, PrintStream)", e);
        }
    }
}
