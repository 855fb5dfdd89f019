#include <cblas.h>
#include <stddef.h>

/* LAPACK routines that Debian's libopenblas carries (its LAPACK is reference LAPACK compiled
 * with gfortran; Debian installs no lapack.h beside cblas.h). Fortran calling convention:
 * every argument by pointer, 32-bit integers, and one hidden length per character argument
 * at the end. */

/* Eigenvalues (ascending) and optionally eigenvectors of a real symmetric matrix,
 * divide and conquer. */
void dsyevd_(const char *jobz, const char *uplo, const int *n, double *a, const int *lda, double *w,
             double *work, const int *lwork, int *iwork, const int *liwork, int *info,
             size_t jobz_length, size_t uplo_length);

/* Singular values (descending) and optionally singular vectors of a real matrix. */
void dgesvd_(const char *jobu, const char *jobvt, const int *m, const int *n, double *a, const int *lda,
             double *s, double *u, const int *ldu, double *vt, const int *ldvt, double *work,
             const int *lwork, int *info, size_t jobu_length, size_t jobvt_length);

/* Cholesky factorization A = U^T U of a real symmetric positive definite matrix; info > 0
 * when a leading minor is not positive definite. */
void dpotrf_(const char *uplo, const int *n, double *a, const int *lda, int *info, size_t uplo_length);
