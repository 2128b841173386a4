import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';

export interface Logger {
  error(message: string): void;
}

/**
 * Runs one request handler so that nothing it throws can take the server down: an exception becomes an
 * error response for that request (and a log line), a cancelled request gets RequestCancelled, and the
 * server lives on.
 */
export async function runSafe<T, E = void>(
  logger: Logger,
  what: string,
  token: CancellationToken | undefined,
  compute: () => T | Promise<T>,
): Promise<T | ResponseError<E>> {
  if (token?.isCancellationRequested) return cancelled<E>();
  try {
    const result = await compute();
    return token?.isCancellationRequested ? cancelled<E>() : result;
  } catch (error) {
    const detail = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
    logger.error(`Error while ${what}: ${detail}`);
    return new ResponseError<E>(
      ErrorCodes.InternalError,
      `VMSS Upgrade Policy: error while ${what}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function cancelled<E>(): ResponseError<E> {
  return new ResponseError<E>(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}
