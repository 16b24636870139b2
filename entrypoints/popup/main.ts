document.getElementById('app')!.textContent = 'Dual Use';
