package io.floe.testing;

import io.floe.AMDCallback;
import io.floe.AsyncReply;
import io.floe.Current;
import io.floe.IncomingRequest;
import io.floe.OperationMode;
import io.floe.Servant;
import io.floe.UserException;
import io.floe.encoding.InputStream;
import io.floe.encoding.OutputStream;

/**
 * A servant written the way floe-slice generates them (docs/mapping.md), for a Slice interface
 * <pre>
 * module Test {
 *   exception Overflow { int limit; }
 *   exception Undeclared {}
 *   interface Calculator {
 *     idempotent int add(int a, int b) throws Overflow;
 *     ["amd"] int addLater(int a, int b) throws Overflow;
 *     void fail(string kind) throws Overflow;
 *   }
 * }
 * </pre>
 * so the runtime can be tested before and apart from the compiler.
 */
public interface Calculator extends Servant {
    String TYPE_ID = "::Test::Calculator";

    int add(int a, int b, Current current) throws Overflow;

    void addLater_async(AddLaterCallback cb, int a, int b, Current current) throws Overflow;

    void fail(String kind, Current current) throws Overflow;

    interface AddLaterCallback extends AMDCallback {
        void ice_response(int returnValue);
    }

    @Override
    default String ice_id(Current current) {
        return TYPE_ID;
    }

    @Override
    default String[] ice_ids(Current current) {
        return new String[] {"::Ice::Object", TYPE_ID};
    }

    @Override
    default void _dispatch(IncomingRequest request) throws UserException {
        switch (request.current().operation()) {
            case "add" -> {
                request.checkMode(OperationMode.IDEMPOTENT);
                InputStream in = request.startReadParams();
                int a = in.readInt();
                int b = in.readInt();
                request.endReadParams();
                int ret = add(a, b, request.current());
                OutputStream out = request.startWriteResult();
                out.writeInt(ret);
                request.sendResult(out);
            }
            case "addLater" -> {
                request.checkMode(OperationMode.NORMAL);
                InputStream in = request.startReadParams();
                int a = in.readInt();
                int b = in.readInt();
                request.endReadParams();
                AsyncReply reply = request.startAsync();
                addLater_async(new AddLaterCallback() {
                    @Override
                    public void ice_response(int returnValue) {
                        reply.succeed(out -> out.writeInt(returnValue));
                    }

                    @Override
                    public void ice_exception(Exception ex) {
                        reply.fail(ex);
                    }

                    @Override
                    public boolean isCancelled() {
                        return reply.isCancelled();
                    }

                    @Override
                    public void onCancel(Runnable listener) {
                        reply.onCancel(listener);
                    }
                }, a, b, request.current());
            }
            case "fail" -> {
                request.checkMode(OperationMode.NORMAL);
                InputStream in = request.startReadParams();
                String kind = in.readString();
                request.endReadParams();
                fail(kind, request.current());
                request.sendEmptyResult();
            }
            default -> Servant._dispatchBuiltin(this, request);
        }
    }

    /** {@code exception Overflow { int limit; }} */
    final class Overflow extends UserException {
        private static final long serialVersionUID = 1L;
        public int limit;

        public Overflow() {
        }

        public Overflow(int limit) {
            this.limit = limit;
        }

        @Override
        public String ice_id() {
            return "::Test::Overflow";
        }

        @Override
        public void _write(OutputStream out) {
            out.startLastSlice("::Test::Overflow");
            out.writeInt(limit);
            out.endSlice();
        }

        @Override
        public void _read(InputStream in) {
            in.startSlice();
            limit = in.readInt();
            in.endSlice();
        }
    }

    /** {@code exception Undeclared {}}: declared by no operation. */
    final class Undeclared extends UserException {
        private static final long serialVersionUID = 1L;

        @Override
        public String ice_id() {
            return "::Test::Undeclared";
        }

        @Override
        public void _write(OutputStream out) {
            out.startLastSlice("::Test::Undeclared");
            out.endSlice();
        }

        @Override
        public void _read(InputStream in) {
            in.startSlice();
            in.endSlice();
        }
    }
}
