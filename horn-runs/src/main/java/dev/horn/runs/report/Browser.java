package dev.horn.runs.report;

import java.awt.GraphicsEnvironment;
import java.io.File;
import java.io.IOException;
import java.util.Locale;

/**
 * Opens a page in the user's browser, but only where someone can see it: not under CI, not on a
 * headless machine, not when {@code HORN_NO_BROWSER} is set. Returns whether it tried.
 */
public final class Browser {
    private Browser() {}

    public static boolean open(String url) {
        if (System.getenv("CI") != null || System.getenv("HORN_NO_BROWSER") != null) {
            return false;
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String[] command;
        if (os.contains("mac")) {
            command = new String[] {"open", url};
        } else if (os.contains("win")) {
            command = new String[] {"rundll32", "url.dll,FileProtocolHandler", url};
        } else {
            boolean display = System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
            if (!display || GraphicsEnvironment.isHeadless() || !onPath("xdg-open")) {
                return false;
            }
            command = new String[] {"xdg-open", url};
        }
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (new File(dir, program).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
