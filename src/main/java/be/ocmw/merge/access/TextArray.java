package be.ocmw.merge.access;

import org.springframework.jdbc.core.SqlTypeValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** A {@code text[]} parameter for JDBC batch writes. */
final class TextArray implements SqlTypeValue {

    private final String[] values;

    TextArray(String[] values) {
        this.values = values;
    }

    @Override
    public void setTypeValue(PreparedStatement statement, int index, int sqlType, String typeName) throws SQLException {
        Connection connection = statement.getConnection();
        statement.setArray(index, connection.createArrayOf("text", values));
    }

}
