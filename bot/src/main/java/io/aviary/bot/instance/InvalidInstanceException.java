package io.aviary.bot.instance;

/**
 * The instance folder cannot run: a file is missing or invalid, or the environment lacks what it needs. The message
 * names the file (relative to the instance folder, or the environment variable) and the key, and says what to fix;
 * it never carries a value from a file or the environment (a value may be a secret or arbitrarily long).
 */
public final class InvalidInstanceException extends RuntimeException {

    private final String file;
    private final String key;
    private final String problem;

    /**
     * @param file    the file relative to the instance folder ({@code conf/scripts/x.yml}), or null when the
     *                problem is an environment variable named by {@code key}
     * @param key     the offending key, or null when the whole file is the problem
     * @param problem what is wrong and what to do
     */
    public InvalidInstanceException(String file, String key, String problem) {
        super(join(file, key, problem));
        this.file = file;
        this.key = key;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    public String key() {
        return key;
    }

    public String problem() {
        return problem;
    }

    private static String join(String file, String key, String problem) {
        StringBuilder message = new StringBuilder();
        if (file != null) {
            message.append(file).append(": ");
        }
        if (key != null) {
            message.append(key).append(": ");
        }
        return message.append(problem).toString();
    }
}
