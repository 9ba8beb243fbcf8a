// Says what went wrong in a way a test log can show: the error's message (an assertion's expected and actual values
// included), a jsforce error's errorCode and the API's error body (jsforce keeps it in error.data), then the stack.
export function describeFailure(error) {
  if (!(error instanceof Error)) {
    return `thrown: ${JSON.stringify(error)}`;
  }

  const lines = (error.stack ?? `${error.name}: ${error.message}`).split('\n');
  const firstFrame = lines.findIndex((line) => line.startsWith('    at '));
  const message = firstFrame < 0 ? lines : lines.slice(0, firstFrame);
  const frames = firstFrame < 0 ? [] : lines.slice(firstFrame);
  const details = [];
  if (error.errorCode !== undefined) {
    details.push(`errorCode: ${error.errorCode}`);
  }

  if (error.data !== undefined) {
    details.push(`data: ${JSON.stringify(error.data)}`);
  }

  return [...message, ...details, ...frames].join('\n');
}
