/** The floor of a command's start: the JVM alone, starting a class that does nothing. */
public class Trivial {
    public static void main(String[] args) {
    }
}
