package io.backbench.target.tck;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs the kit on one target through the JUnit Platform Launcher and reports what each check did. */
final class KitRunner {
    private KitRunner() {
    }

    /** The outcome of one run: test method name to status, and any failure of a whole container. */
    record Report(Map<String, TestExecutionResult.Status> tests, Map<String, String> failureMessages,
                  Set<String> failedContainers) {

        Set<String> with(TestExecutionResult.Status status) {
            return tests.entrySet().stream().filter(e -> e.getValue() == status).map(Map.Entry::getKey)
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        Set<String> failed() {
            return with(TestExecutionResult.Status.FAILED);
        }

        Set<String> aborted() {
            return with(TestExecutionResult.Status.ABORTED);
        }

        Set<String> succeeded() {
            return with(TestExecutionResult.Status.SUCCESSFUL);
        }
    }

    static Report run(Class<? extends StorageTargetContract> kitRun) {
        Map<String, TestExecutionResult.Status> tests = new TreeMap<>();
        Map<String, String> messages = new TreeMap<>();
        Set<String> failedContainers = new TreeSet<>();
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest() && id.getSource().orElse(null) instanceof MethodSource method) {
                    tests.put(method.getMethodName(), result.getStatus());
                    result.getThrowable().ifPresent(t -> messages.put(method.getMethodName(), String.valueOf(t)));
                } else if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    failedContainers.add(id.getDisplayName() + ": " + result.getThrowable().orElse(null));
                }
            }
        };
        Launcher launcher = LauncherFactory.create();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(kitRun)).build(), listener);
        return new Report(tests, messages, failedContainers);
    }

    /** The names of every check in the kit, found by reflection, independent of the launcher. */
    static Set<String> allChecks() {
        Set<String> names = new TreeSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>(Set.of(StorageTargetContract.class));
        while (!todo.isEmpty()) {
            Class<?> type = todo.pop();
            for (Method m : type.getDeclaredMethods()) {
                if (m.isAnnotationPresent(Test.class)) {
                    names.add(m.getName());
                }
            }
            todo.addAll(Set.of(type.getInterfaces()));
        }
        return names;
    }
}
