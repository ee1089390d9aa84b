package dev.horn.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A filter over listing rows, as {@code ls_runs}' subset expressions:
 * {@code eval_accuracy > 0.97}, {@code flag_dropout1 == 0.3 && completed},
 * {@code status != 'failed' or eval_loss < 0.1}, {@code !(epochs >= 10)}. Columns compare as
 * numbers when both sides are numbers, else as text; a row without the column does not match.
 */
public final class RunFilter implements Predicate<RunRecord> {
    private sealed interface Node permits Or, And, Not, Compare, Truthy {}
    private record Or(Node left, Node right) implements Node {}
    private record And(Node left, Node right) implements Node {}
    private record Not(Node inner) implements Node {}
    private record Compare(Object left, String op, Object right) implements Node {}
    private record Truthy(Object operand) implements Node {}
    private record Column(String name) {}

    private final String source;
    private final Node root;
    private final List<String> columns = new ArrayList<>();
    private final List<String> tokens;
    private int pos;

    private RunFilter(String source) {
        this.source = source;
        this.tokens = tokenize(source);
        this.root = parseOr();
        if (pos < tokens.size()) {
            throw error("unexpected '" + tokens.get(pos) + "'");
        }
    }

    public static RunFilter parse(String expression) {
        return new RunFilter(expression);
    }

    /** The column names the expression refers to. */
    public List<String> columns() {
        return List.copyOf(columns);
    }

    @Override
    public boolean test(RunRecord run) {
        return eval(root, run.columns());
    }

    private static boolean eval(Node n, Map<String, Object> row) {
        return switch (n) {
            case Or o -> eval(o.left(), row) || eval(o.right(), row);
            case And a -> eval(a.left(), row) && eval(a.right(), row);
            case Not x -> !eval(x.inner(), row);
            case Truthy t -> truthy(value(t.operand(), row));
            case Compare c -> compare(value(c.left(), row), c.op(), value(c.right(), row));
        };
    }

    private static Object value(Object operand, Map<String, Object> row) {
        return operand instanceof Column c ? row.get(c.name()) : operand;
    }

    private static boolean truthy(Object v) {
        return v instanceof Boolean b ? b : v instanceof Number n ? n.doubleValue() != 0 : v != null;
    }

    private static boolean compare(Object a, String op, Object b) {
        if (a == null || b == null) {
            return false;
        }
        int cmp;
        if (a instanceof Number x && b instanceof Number y) {
            cmp = Double.compare(x.doubleValue(), y.doubleValue());
        } else if (a instanceof Boolean || b instanceof Boolean) {
            cmp = Objects.equals(String.valueOf(a), String.valueOf(b)) ? 0 : 1;
        } else {
            cmp = String.valueOf(a).compareTo(String.valueOf(b));
        }
        return switch (op) {
            case "==" -> cmp == 0;
            case "!=" -> cmp != 0;
            case "<" -> cmp < 0;
            case "<=" -> cmp <= 0;
            case ">" -> cmp > 0;
            default -> cmp >= 0;
        };
    }

    // ---- parsing: or := and (|| and)*; and := unary (&& unary)*; unary := ! unary | ( or ) | operand [op operand]

    private Node parseOr() {
        Node left = parseAnd();
        while (accept("||") || accept("or")) {
            left = new Or(left, parseAnd());
        }
        return left;
    }

    private Node parseAnd() {
        Node left = parseUnary();
        while (accept("&&") || accept("and") || accept("&")) {
            left = new And(left, parseUnary());
        }
        return left;
    }

    private Node parseUnary() {
        if (accept("!") || accept("not")) {
            return new Not(parseUnary());
        }
        if (accept("(")) {
            Node inner = parseOr();
            if (!accept(")")) {
                throw error("missing ')'");
            }
            return inner;
        }
        Object left = operand();
        for (String op : List.of("==", "!=", "<=", ">=", "<", ">", "=")) {
            if (accept(op)) {
                return new Compare(left, op.equals("=") ? "==" : op, operand());
            }
        }
        return new Truthy(left);
    }

    private Object operand() {
        if (pos >= tokens.size()) {
            throw error("expected a column or a value at the end");
        }
        String t = tokens.get(pos++);
        if (t.startsWith("'") || t.startsWith("\"")) {
            return t.substring(1, t.length() - 1);
        }
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(t.toLowerCase(Locale.ROOT));
        }
        if (Character.isDigit(t.charAt(0)) || t.charAt(0) == '-' || t.charAt(0) == '.') {
            try {
                return Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw error("'" + t + "' is not a number");
            }
        }
        if (!Character.isLetter(t.charAt(0)) && t.charAt(0) != '_') {
            throw error("unexpected '" + t + "'");
        }
        columns.add(t);
        return new Column(t);
    }

    private boolean accept(String token) {
        if (pos < tokens.size() && tokens.get(pos).equals(token)) {
            pos++;
            return true;
        }
        return false;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("Invalid filter \"" + source + "\": " + what);
    }

    private static final Set<String> TWO_CHAR = Set.of("==", "!=", "<=", ">=", "&&", "||");

    private List<String> tokenize(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'' || c == '"') {
                int end = s.indexOf(c, i + 1);
                if (end < 0) {
                    throw error("unterminated string");
                }
                out.add(s.substring(i, end + 1));
                i = end + 1;
            } else if (i + 1 < s.length() && TWO_CHAR.contains(s.substring(i, i + 2))) {
                out.add(s.substring(i, i + 2));
                i += 2;
            } else if ("<>=!()&".indexOf(c) >= 0) {
                out.add(String.valueOf(c));
                i++;
            } else {
                int start = i;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || "_.-+".indexOf(s.charAt(i)) >= 0)) {
                    i++;
                }
                if (start == i) {
                    throw error("unexpected '" + c + "'");
                }
                out.add(s.substring(start, i));
            }
        }
        return out;
    }
}
