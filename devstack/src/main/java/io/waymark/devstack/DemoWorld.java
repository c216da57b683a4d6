package io.waymark.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The first {@code ./waymark up} of an empty stack loads the demo world (simulator module, docs/scenarios.md):
 * journey maps, customers at every stage, interactions, answers, cases, so the first screen has something true to
 * say. The simulator decides "empty" through the API and leaves a stack with data alone. It runs in the
 * foreground with its progress bar; {@code WAYMARK_DEMO=off} skips it; a failure leaves the stack up.
 */
final class DemoWorld {

    private DemoWorld() {
    }

    static void loadIfEmpty(Settings settings) {
        if (Settings.value("waymark.demo", "on").equalsIgnoreCase("off")) {
            return;
        }
        Path classpath = settings.root().resolve("simulator/target/simulator.classpath");
        Path classes = settings.root().resolve("simulator/target/classes");
        if (!Files.isRegularFile(classpath) || !Files.isDirectory(classes)) {
            Proc.say("the simulator is not built, so no demo world is loaded (./mvnw package -DskipTests builds it)");
            return;
        }
        try {
            List<String> command = new ArrayList<>(List.of(Proc.javaBinary(), "-Xmx512m",
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp",
                    classes + java.io.File.pathSeparator + Files.readString(classpath).trim(),
                    "io.waymark.simulator.Main", "demo", "--if-empty"));
            // the simulator reads the same settings (ports) from the environment and these properties
            System.getProperties().forEach((k, v) -> {
                if (k.toString().startsWith("waymark.")) {
                    command.add(1, "-D" + k + "=" + v);
                }
            });
            Proc.say("loading the demo world into the empty stack (WAYMARK_DEMO=off skips this)");
            Process demo = new ProcessBuilder(command).directory(settings.root().toFile()).inheritIO().start();
            int exit = demo.waitFor();
            if (exit != 0) {
                Proc.say("the demo world was not loaded (exit " + exit + ", see above); the stack stays up");
            }
        } catch (java.io.IOException e) {
            Proc.say("the demo world was not loaded: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
