// TensorFlow's Core API example from the R documentation, in Java: learn W and b of
// y = 0.1 x + 0.3 from 100 points by gradient descent on the mean squared error.
//
//   ./horn run examples/core/LinearRegression.java
//
// As in TensorFlow 1, the ops build a graph (after disableEagerExecution) and a Session runs it.
import dev.horn.Horn;
import dev.horn.Tensor;
import dev.horn.Variable;
import dev.horn.v1.GradientDescentOptimizer;
import dev.horn.v1.Session;
import dev.horn.v1.V1;

import static dev.horn.Shape.shape;
import static dev.horn.Tf.tf;

void main() {
    Horn.setSeed(42);
    V1.disableEagerExecution();

    // x_data <- runif(100, min = 0, max = 1); y_data <- x_data * 0.1 + 0.3
    Tensor xData = tf.randomUniform(shape(100), 0, 1);
    Tensor yData = tf.add(tf.mul(xData, Tensor.scalar(0.1f)), Tensor.scalar(0.3f));

    // W <- tf$Variable(tf$random_uniform(shape(1L), -1.0, 1.0)); b <- tf$Variable(tf$zeros(shape(1L)))
    Variable W = V1.variable(tf.randomUniform(shape(1), -1, 1));
    Variable b = V1.variable(tf.zeros(shape(1)));
    Tensor y = tf.add(W.mul(xData), b.read());

    // loss <- tf$reduce_mean((y - y_data) ^ 2); train <- optimizer$minimize(loss)
    Tensor loss = tf.reduceMean(tf.square(tf.sub(y, yData)));
    var train = new GradientDescentOptimizer(0.5).minimize(loss);

    try (var sess = new Session()) {
        sess.run(V1.globalVariablesInitializer());
        for (int step = 1; step <= 201; step++) {
            sess.run(train);
            if (step % 20 == 0) {
                System.out.printf("%d - W: %.7f b: %.7f%n", step, sess.run(W).floatValue(), sess.run(b).floatValue());
            }
        }
    }
}
