package dev.horn.ops;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;

/**
 * Gives every element-wise op class its own copy of the float32 loop.
 *
 * <p>Why: the JIT profiles a call site once per loaded class. Were one loop shared by all ops,
 * its call to {@code op.apply(vector)} would see dozens of op classes, stay a virtual call, and
 * force each vector into a heap object: 2-5x slower than a loop with the rule inlined. Defining
 * the loop's class again as a hidden class per op class gives each op a loop whose call site
 * only ever sees that op, so the JIT inlines its rule and keeps vectors in registers. No code
 * is generated or changed: each copy is the same bytecode, loaded once more.
 */
final class SpecializedLoops {
    private static final byte[] UNARY = bytes(UnaryOp.LoopTemplate.class);
    private static final byte[] BINARY = bytes(BinaryOp.LoopTemplate.class);

    private static final ClassValue<UnaryOp.Loop> UNARY_LOOPS = new ClassValue<>() {
        @Override
        protected UnaryOp.Loop computeValue(Class<?> op) {
            return (UnaryOp.Loop) instantiate(UNARY);
        }
    };

    private static final ClassValue<BinaryOp.Loop> BINARY_LOOPS = new ClassValue<>() {
        @Override
        protected BinaryOp.Loop computeValue(Class<?> op) {
            return (BinaryOp.Loop) instantiate(BINARY);
        }
    };

    private SpecializedLoops() {}

    static UnaryOp.Loop unary(Class<? extends UnaryOp> op) {
        return UNARY_LOOPS.get(op);
    }

    static BinaryOp.Loop binary(Class<? extends BinaryOp> op) {
        return BINARY_LOOPS.get(op);
    }

    private static Object instantiate(byte[] classBytes) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup().in(SpecializedLoops.class);
            // a hidden class must be a member of the lookup's package: the templates are nested in this package
            Class<?> copy = MethodHandles.privateLookupIn(UnaryOp.class, lookup)
                    .defineHiddenClass(classBytes, true).lookupClass();
            return copy.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load a specialised loop", e);
        }
    }

    private static byte[] bytes(Class<?> template) {
        String resource = template.getName().replace('.', '/') + ".class";
        try (InputStream in = template.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("class file of " + template.getName() + " not found");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
