import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;

/** The floor of a command's database work: `select 1` over JDBC from a warm JVM (median of the last of 25 connections). */
public class JdbcFloor {
    public static void main(String[] args) throws Exception {
        long[] nanos = new long[25];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            try (Connection c = DriverManager.getConnection(args[0]); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("select 1")) {
                r.next();
            }
            nanos[i] = System.nanoTime() - start;
        }
        long[] warm = Arrays.copyOfRange(nanos, 20, 25);
        Arrays.sort(warm);
        System.out.printf("%.3f%n", warm[2] / 1e9);
    }
}
