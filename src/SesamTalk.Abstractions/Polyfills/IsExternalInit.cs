#if NETSTANDARD2_0
namespace System.Runtime.CompilerServices;

// netstandard2.0 lacks this type; the compiler needs it for the descriptors' init accessors.
internal static class IsExternalInit
{
}
#endif
